import { describe, expect, it } from "vitest";
import { problem } from "./problem";

describe("problem", () => {
  it("answers RFC 9457 JSON with the status, a title, the detail and the invalid fields", async () => {
    const response = problem(400, "The body has 1 invalid field.", { errors: [{ field: "plannedBudgetYuan", code: "tooBig", detail: "at most 10000000000000" }] });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      type: "https://tracker.invalid/problems/400",
      title: "Invalid request",
      status: 400,
      detail: "The body has 1 invalid field.",
      errors: [{ field: "plannedBudgetYuan", code: "tooBig", detail: "at most 10000000000000" }],
    });
  });

  it("asks for a bearer token on 401 only", () => {
    expect(problem(401, "No credentials.").headers.get("www-authenticate")).toBe('Bearer realm="api"');
    expect(problem(403, "Not yours.").headers.get("www-authenticate")).toBeNull();
  });
});
