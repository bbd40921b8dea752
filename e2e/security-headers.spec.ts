import type { APIResponse, Page } from "@playwright/test";
import Database from "better-sqlite3";
import { CentreDetailSchema } from "../lib/api/schemas";
import { createToken, E2E_DB, problemBody } from "./api-helpers";
import { accounts, expect, signIn, test, uniqueSuffix } from "./fixtures";

// The web surface's headers against the production build: the nonce CSP on pages, route handlers,
// downloads and the 404; the static headers; no-store when signed in; and cookie-authenticated API
// writes refused from another site while bearer tokens still work.

const STATIC_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "x-frame-options": "DENY",
  "strict-transport-security": "max-age=31536000; includeSubDomains",
};

const CROSS_SITE = { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" };

/** The response's policy as directive → sources, and its nonce; fails unless the policy is strict. */
function strictPolicy(response: APIResponse | { headers(): Record<string, string> }) {
  const headers = response.headers();
  expect(headers).toMatchObject(STATIC_HEADERS);
  const policy = new Map((headers["content-security-policy"] ?? "").split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)]));
  const scripts = policy.get("script-src") ?? [];
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).toContain("'strict-dynamic'");
  for (const [name, value] of [["object-src", "'none'"], ["base-uri", "'self'"], ["frame-ancestors", "'none'"], ["form-action", "'self'"]] as const) {
    expect(policy.get(name), name).toEqual([value]);
  }
  const nonce = /^'nonce-([A-Za-z0-9+/=]+)'$/.exec(scripts.find((s) => s.startsWith("'nonce-")) ?? "")?.[1];
  expect(nonce).toBeTruthy();
  return nonce!;
}

/** Every <script> tag of the HTML, each with its nonce attribute (undefined without one). */
function scriptNonces(html: string): (string | undefined)[] {
  return [...html.matchAll(/<script\b[^>]*>/g)].map((m) => /\snonce="([^"]+)"/.exec(m[0])?.[1]);
}

/** Console errors about the policy: any means the page's own code was blocked. */
function policyViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

test("the login page carries every header, and its scripts the nonce of its own response", async ({ request }) => {
  const first = await request.get("/login");
  const nonce = strictPolicy(first);
  const nonces = scriptNonces(await first.text());
  expect(nonces.length).toBeGreaterThan(0);
  expect(nonces.every((n) => n === nonce)).toBe(true);
  const second = await request.get("/login");
  expect(strictPolicy(second)).not.toBe(nonce);
});

test("the 404 page, the API's JSON and a refused API call carry the headers too", async ({ request }) => {
  const missing = await request.get(`/no-such-page-${uniqueSuffix()}`);
  expect(missing.status()).toBe(404);
  strictPolicy(missing);
  const refused = await request.get("/api/v1/centres");
  expect(refused.status()).toBe(401);
  strictPolicy(refused);
  const json = await request.get("/api/v1/centres", { headers: { Authorization: `Bearer ${createToken(accounts.staffZj)}` } });
  expect(json.status()).toBe(200);
  strictPolicy(json);
  expect(json.headers()["cache-control"]).toBe("no-store");
});

test("signed in, pages, the API and a download are never stored, and the dashboards run under the policy", async ({ page }) => {
  const violations = policyViolations(page);
  await signIn(page, accounts.reviewer);
  const response = await page.goto("/provinces/330000");
  const nonce = strictPolicy(response!);
  expect(response!.headers()["cache-control"]).toContain("no-store");
  // The tags as served: chunks added later by the loaded scripts run under 'strict-dynamic' without one.
  const nonces = scriptNonces(await response!.text());
  expect(nonces.length).toBeGreaterThan(0);
  expect(nonces.every((n) => n === nonce)).toBe(true);
  // The ECharts client chunk is loaded at run time: 'strict-dynamic' must let it draw.
  await page.waitForLoadState("networkidle");
  await expect(page.locator(".echart").first()).toBeVisible();
  await expect(page.locator(".echart:not(:has(svg))")).toHaveCount(0);

  for (const url of ["/api/v1/provinces", "/provinces/330000/export?format=csv&table=targets"]) {
    const signedIn = await page.request.get(url);
    expect(signedIn.status(), url).toBe(200);
    strictPolicy(signedIn);
    expect(signedIn.headers()["cache-control"], url).toContain("no-store");
  }
  expect(violations).toEqual([]);
});

function centresNamed(marker: string): number {
  const db = new Database(E2E_DB, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM centres WHERE name LIKE ?").get(`%${marker}%`) as { n: number }).n;
  } finally {
    db.close();
  }
}

const centre = (marker: string) => ({
  provinceCode: "330000",
  cityCode: "330100",
  name: `跨站测试中心 ${marker}`,
  leadInstitution: "浙江大学",
  focusTags: ["large_models"],
  plannedBudgetYuan: 100000000,
  startDate: "2026-01-01",
  plannedCompletionDate: "2027-12-31",
  status: "under_construction",
  milestones: [{ title: "平台上线", category: "compute", weight: 1, plannedDate: "2026-06-30", evidenceRequired: false }],
});

test("a cross-site write with the session cookie is refused and changes nothing; the same site and bearer tokens still write", async ({ page, request }) => {
  await signIn(page, accounts.staffZj);
  const post = (marker: string, headers: Record<string, string>, via = page.request) =>
    via.post("/api/v1/centres", { headers: { "Content-Type": "application/json", ...headers }, data: JSON.stringify(centre(marker)) });

  const forged = uniqueSuffix();
  const refused = await problemBody(await post(forged, CROSS_SITE), 403);
  expect(refused.code).toBe("crossSite");
  const noOrigin = uniqueSuffix();
  await problemBody(await post(noOrigin, { Origin: "https://evil.example" }), 403);
  expect(centresNamed(forged) + centresNamed(noOrigin)).toBe(0);

  const sameSite = uniqueSuffix();
  const own = await post(sameSite, { "Sec-Fetch-Site": "same-origin" });
  expect(own.status(), await own.text()).toBe(201);
  expect(centresNamed(sameSite)).toBe(1);

  // A token is not sent by a browser on its own, so its origin does not matter.
  const tokened = uniqueSuffix();
  const created = await post(tokened, { ...CROSS_SITE, Authorization: `Bearer ${createToken(accounts.staffZj)}` }, request);
  expect(created.status(), await created.text()).toBe(201);
  expect(CentreDetailSchema.parse(await created.json()).name).toBe(`跨站测试中心 ${tokened}`);
});

// What would betray the code or the database to a user: stack frames, file paths, SQL, driver names.
const LEAKS = /\n\s+at |node_modules|\.tsx?:\d+|SQLITE|SqliteError|\bSELECT\b|\bINSERT\b|\bFROM centres\b|URIError/;

test("an unexpected failure and hostile ids answer without stack traces or SQL", async ({ request }) => {
  const token = { Authorization: `Bearer ${createToken(accounts.admin)}` };
  // Next itself would answer an undecodable address with a bare 500; the server in front refuses it first.
  for (const url of ["/centres/%ZZ", "/api/v1/centres/%ZZ", "/centres/%E6%9D", "/centres?q=%G1"]) {
    const refused = await request.get(url, { headers: token });
    expect(refused.status(), url).toBe(400);
    expect(refused.headers(), url).toMatchObject({ ...STATIC_HEADERS, "cache-control": "no-store" });
    expect(refused.headers()["content-security-policy"], url).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(await refused.text(), url).not.toMatch(LEAKS);
  }
  for (const url of ["/api/v1/centres/'%20OR%201=1--", "/api/v1/centres?province=';DROP%20TABLE%20centres--", `/api/v1/centres/${"a".repeat(5000)}`]) {
    const refused = await request.get(url, { headers: token });
    expect([400, 404], url).toContain(refused.status());
    expect(await refused.text(), url).not.toMatch(LEAKS);
  }
});
