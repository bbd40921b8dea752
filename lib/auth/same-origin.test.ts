import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./same-origin";

const request = (headers: Record<string, string>) => new Request("http://localhost:3000/import/run", { method: "POST", headers });

describe("isSameOrigin", () => {
  it.each([
    [{ "sec-fetch-site": "same-origin" }, true],
    [{ "sec-fetch-site": "none" }, true],
    [{ "sec-fetch-site": "cross-site", origin: "http://localhost:3000", host: "localhost:3000" }, false],
    [{ "sec-fetch-site": "same-site" }, false],
    [{ origin: "http://localhost:3000", host: "localhost:3000" }, true],
    [{ origin: "https://evil.example", host: "localhost:3000" }, false],
    [{ origin: "null", host: "localhost:3000" }, false],
    [{}, true],
  ])("%j → %s", (headers, expected) => {
    expect(isSameOrigin(request(headers))).toBe(expected);
  });
});
