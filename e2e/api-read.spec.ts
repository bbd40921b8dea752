import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { asOfChoices } from "../lib/domain/as-of";
import { documentOperations } from "../lib/api/openapi";
import { CentreDetailSchema, CentreListSchema, FlagListSchema, ProvinceDetailSchema, ProvinceListSchema, ReportingSchema } from "../lib/api/schemas";
import { createToken, problemBody } from "./api-helpers";
import { accounts, demoCentre, expect, test, today, type Account } from "./fixtures";

// The REST API's read half against the production build: every route as the national reviewer (its
// body checked against the schema the OpenAPI document is made from), 401 without valid credentials,
// provincial readers confined to their province, and bad input refused with a problem naming the field.

const ZJ = "330000";
const GD = "440000";
const zjCentre = demoCentre("zj-hz-llm-1");
const gdCentre = demoCentre("gd-sz-llm-1");
const lastClose = asOfChoices("2026-07-01", today)[0]!.date;
const DATA_ROUTES = ["/api/v1/provinces", `/api/v1/provinces/${ZJ}`, "/api/v1/centres", `/api/v1/centres/${zjCentre.id}`, "/api/v1/flags", "/api/v1/reporting"];

/** A 200 JSON body, never cached, that its schema parses back to exactly itself. */
async function okBody<T>(response: APIResponse, schema: { parse: (v: unknown) => T }): Promise<T> {
  expect(response.status(), await response.text()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(response.headers()["cache-control"]).toBe("no-store");
  const body: unknown = await response.json();
  const parsed = schema.parse(body);
  expect(parsed as unknown).toEqual(body);
  return parsed;
}

async function apiAs(signedInPage: (a: Account) => Promise<{ request: APIRequestContext }>, account: Account) {
  return (await signedInPage(account)).request;
}

test("the national reviewer reads every route, now and as of the last month's close", async ({ signedInPage }) => {
  const api = await apiAs(signedInPage, accounts.reviewer);

  const provinces = await okBody(await api.get("/api/v1/provinces"), ProvinceListSchema);
  expect(provinces).toMatchObject({ asOf: null, today });
  expect(provinces.items).toHaveLength(34);
  expect(provinces.items.find((p) => p.code === ZJ)!.centres).toBeGreaterThanOrEqual(7);

  const zhejiang = await okBody(await api.get(`/api/v1/provinces/${ZJ}`), ProvinceDetailSchema);
  expect(zhejiang).toMatchObject({ code: ZJ, nameZh: "浙江省" });
  expect(zhejiang.targets.length).toBeGreaterThan(0);

  const centres = await okBody(await api.get("/api/v1/centres"), CentreListSchema);
  expect(centres).toMatchObject({ page: 1, pageSize: 50 });
  expect(centres.total).toBeGreaterThanOrEqual(32);
  expect(new Set(centres.items.map((c) => c.provinceCode)).size).toBeGreaterThan(1);
  const page2 = await okBody(await api.get("/api/v1/centres?pageSize=5&page=2&status=under_construction"), CentreListSchema);
  expect(page2.items.length).toBeLessThanOrEqual(5);
  expect(page2.items.every((c) => c.status === "under_construction")).toBe(true);
  const duplicates = await okBody(await api.get(`/api/v1/centres?province=${ZJ}&flag=duplicate_construction`), CentreListSchema);
  expect(duplicates.items.map((c) => c.id)).toContain(zjCentre.id);

  const centre = await okBody(await api.get(`/api/v1/centres/${gdCentre.id}`), CentreDetailSchema);
  expect(centre).toMatchObject({ id: gdCentre.id, name: gdCentre.name, provinceCode: GD, plannedBudgetYuan: gdCentre.plannedBudgetYuan });
  expect(centre.milestones.length).toBeGreaterThan(0);
  expect(centre.flags.every((f) => f.explanation.zh && f.explanation.en && f.key.startsWith(f.code))).toBe(true);

  const flags = await okBody(await api.get(`/api/v1/flags?province=${GD}&severity=amber`), FlagListSchema);
  expect(flags.total).toBeGreaterThan(0);
  expect(flags.items.every((f) => f.provinceCode === GD && f.severity === "amber")).toBe(true);

  const reporting = await okBody(await api.get("/api/v1/reporting"), ReportingSchema);
  expect(reporting.period).toMatch(/^\d{4}-Q[1-4]$/);
  expect(reporting.provinces).toHaveLength(34);
  expect(reporting.total!.expected).toBeGreaterThan(0);

  // As of the last month's close: the figures say which day they are for.
  for (const route of DATA_ROUTES) {
    const response = await api.get(`${route}?asOf=${lastClose}`);
    expect(response.status(), route).toBe(200);
    expect(await response.json(), route).toMatchObject({ asOf: lastClose, today: lastClose });
  }
});

test("the OpenAPI document is public, 3.1, lists every route, and the reference page renders it without the network", async ({ request, signedInPage }, testInfo) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const document = JSON.parse(await response.text());
  expect(document.openapi).toBe("3.1.0");
  const operations = documentOperations(document);
  expect(operations.filter((op) => op.method === "get").map((op) => op.path).sort()).toEqual(["/api/v1/centres", "/api/v1/centres/{id}", "/api/v1/flags", "/api/v1/openapi.json", "/api/v1/provinces", "/api/v1/provinces/{code}", "/api/v1/reporting"]);
  expect(operations.filter((op) => op.method !== "get")).toHaveLength(8);
  expect(Object.keys(document.components.securitySchemes).sort()).toEqual(["bearerToken", "sessionCookie"]);

  const page = await signedInPage(accounts.staffZj);
  const origin = new URL(page.url()).origin;
  const elsewhere: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) elsewhere.push(r.url());
  });
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("接口文档（REST API v1）");
  for (const { path: route, method } of operations) await expect(page.getByRole("heading", { name: `${method.toUpperCase()} ${route}`, exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "CentreDetail", exact: true })).toBeVisible();
  await expect(page.getByRole("table", { name: "参数: GET /api/v1/centres" }).getByRole("rowheader", { name: "pageSize" })).toBeVisible();
  expect(elsewhere).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath("api-docs.png"), fullPage: true });
});

for (const [who, title] of [
  ["staffZj", "接口文档（REST API v1）"],
  ["staffBj", "API reference (REST API v1)"],
] as const) {
  test(`the API reference in ${who === "staffZj" ? "Chinese" : "English"} has no serious or critical axe violations`, async ({ signedInPage }) => {
    const page = await signedInPage(accounts[who]);
    await page.goto("/api-docs");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const blocking = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}

test("without valid credentials every data route answers 401", async ({ request, signedInPage }) => {
  for (const route of DATA_ROUTES) {
    const response = await request.get(route);
    await problemBody(response, 401);
    expect(response.headers()["www-authenticate"]).toBe('Bearer realm="api"');
    await problemBody(await request.get(route, { headers: { Authorization: "Bearer act_not-a-real-token" } }), 401);
    await problemBody(await request.get(route, { headers: { Authorization: "Basic cmV2aWV3ZXI6cGFzcw==" } }), 401);
  }
  // A bad token is judged alone, even beside a valid session.
  const api = await apiAs(signedInPage, accounts.reviewer);
  await problemBody(await api.get("/api/v1/provinces", { headers: { Authorization: "Bearer act_not-a-real-token" } }), 401);
});

test("a Zhejiang staff member's bearer token reads Zhejiang only", async ({ request }) => {
  const headers = { Authorization: `Bearer ${createToken(accounts.staffZj)}` };
  const provinces = await okBody(await request.get("/api/v1/provinces", { headers }), ProvinceListSchema);
  expect(provinces.items.map((p) => p.code)).toEqual([ZJ]);
  const centres = await okBody(await request.get("/api/v1/centres?pageSize=200", { headers }), CentreListSchema);
  expect(centres.total).toBeGreaterThanOrEqual(7);
  expect(centres.items.every((c) => c.provinceCode === ZJ)).toBe(true);
  await okBody(await request.get(`/api/v1/centres/${zjCentre.id}`, { headers }), CentreDetailSchema);
  await problemBody(await request.get(`/api/v1/centres/${gdCentre.id}`, { headers }), 404);
  await problemBody(await request.get(`/api/v1/centres?province=${GD}`, { headers }), 404);
});

for (const who of ["staffZj", "reviewerZj"] as const) {
  test(`${who} sees Zhejiang only: other provinces' rows and filters naming them are not found`, async ({ signedInPage }) => {
    const api = await apiAs(signedInPage, accounts[who]);
    const provinces = await okBody(await api.get("/api/v1/provinces"), ProvinceListSchema);
    expect(provinces.items.map((p) => p.code)).toEqual([ZJ]);
    await okBody(await api.get(`/api/v1/provinces/${ZJ}`), ProvinceDetailSchema);
    await problemBody(await api.get(`/api/v1/provinces/${GD}`), 404);
    await problemBody(await api.get(`/api/v1/centres/${gdCentre.id}`), 404);
    await problemBody(await api.get(`/api/v1/centres/${gdCentre.id}?asOf=${lastClose}`), 404);
    for (const route of ["/api/v1/centres", "/api/v1/flags", "/api/v1/reporting"]) await problemBody(await api.get(`${route}?province=${GD}`), 404);
    const centres = await okBody(await api.get("/api/v1/centres?pageSize=200"), CentreListSchema);
    expect(centres.items.every((c) => c.provinceCode === ZJ)).toBe(true);
    const flags = await okBody(await api.get("/api/v1/flags?show=all&pageSize=200"), FlagListSchema);
    expect(flags.total).toBeGreaterThan(0);
    expect(flags.items.every((f) => f.provinceCode === ZJ)).toBe(true);
    const reporting = await okBody(await api.get(`/api/v1/reporting?province=${ZJ}`), ReportingSchema);
    expect(reporting.provinces.map((p) => p.provinceCode)).toEqual([ZJ]);
    expect(reporting.overdue.every((o) => o.provinceCode === ZJ)).toBe(true);
  });
}

test("bad input is refused with a 400 problem naming the field, never a 5xx", async ({ signedInPage }) => {
  const api = await apiAs(signedInPage, accounts.reviewer);
  const cases: [string, string, string][] = [
    ["/api/v1/centres?pageSize=100000", "pageSize", "tooBig"],
    ["/api/v1/centres?page=-1", "page", "tooSmall"],
    ["/api/v1/centres?page=1.5", "page", "integer"],
    ["/api/v1/centres?status=bogus", "status", "invalid"],
    ["/api/v1/centres?province=abc", "province", "provinceCode"],
    ["/api/v1/centres?province=990000", "province", "provinceUnknown"],
    ["/api/v1/centres?flag=everything", "flag", "invalid"],
    [`/api/v1/centres?status=${encodeURIComponent("' OR '1'='1' --")}`, "status", "invalid"],
    [`/api/v1/flags?province=${encodeURIComponent("<script>alert(1)</script>")}`, "province", "provinceCode"],
    [`/api/v1/flags?code=${encodeURIComponent("<img src=x onerror=alert(1)>")}`, "code", "invalid"],
    ["/api/v1/flags?severity=green", "severity", "invalid"],
    ["/api/v1/flags?pageSize=201", "pageSize", "tooBig"],
    ["/api/v1/provinces?asOf=2030-01-01", "asOf", "asOfNotPast"],
    ["/api/v1/provinces?asOf=2026-13-01", "asOf", "date"],
    [`/api/v1/centres/${zjCentre.id}?asOf=2026-01-01`, "asOf", "asOfBeforeReporting"],
    ["/api/v1/reporting?period=2026-Q9", "period", "periodUnknown"],
    ["/api/v1/reporting?period=2099-Q1", "period", "periodNotEnded"],
    [`/api/v1/reporting?period=${encodeURIComponent("2026-Q3'; DROP TABLE centres; --")}`, "period", "period"],
  ];
  for (const [url, field, code] of cases) {
    const body = await problemBody(await api.get(url), 400);
    expect(body.errors, url).toContainEqual(expect.objectContaining({ field, code }));
    expect(body.detail, url).toContain(field);
  }
  // A past day that no picker offers: refused, listing the closes that can be asked for.
  const notClose = await problemBody(await api.get("/api/v1/provinces?asOf=2026-09-15"), 400);
  expect(notClose.errors).toContainEqual(expect.objectContaining({ field: "asOf", code: "asOfNotClose", detail: expect.stringContaining(lastClose) }));
  // Unknown or malformed ids are not found.
  for (const url of ["/api/v1/centres/00000000-0000-4000-8000-000000000000", `/api/v1/centres/${encodeURIComponent("1' OR '1'='1")}`, "/api/v1/provinces/990000", "/api/v1/provinces/abc"]) {
    await problemBody(await api.get(url), 404);
  }
  // The data is still there.
  await okBody(await api.get("/api/v1/centres?pageSize=1"), CentreListSchema);
});
