import { expect, test } from "./fixtures";

test("GET /api/health reports the database as reachable", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(response.headers()["cache-control"]).toContain("no-store");
  const body = await response.json();
  expect(body).toMatchObject({ status: "ok", checks: { database: "ok" } });
  expect(Number.isNaN(Date.parse(body.time))).toBe(false);
});
