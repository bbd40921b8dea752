import type { APIRequestContext } from "@playwright/test";
import { CentreDetailSchema } from "../lib/api/schemas";
import { createToken, dbSnapshot, problemBody } from "./api-helpers";
import { accounts, demoCentre, expect, openPeriod, test, uniqueSuffix } from "./fixtures";

// The REST API's write half against the production build: each route's happy path as Zhejiang's staff
// with a real token, the review workflow with four eyes, the permission matrix, stale versions, and a
// bad-input suite where every request gets its 4xx problem and the database is left exactly as it was.
// Every test registers its own centres (unique names), so the demo centres other specs read stay put.

const gdCentre = demoCentre("gd-sz-llm-1");

type Json = Record<string, unknown>;

function client(request: APIRequestContext, token: string | null) {
  const headers = (extra: Record<string, string> = {}) => ({ ...(token ? { Authorization: `Bearer ${token}` } : {}), ...extra });
  const send = (method: "POST" | "PUT" | "PATCH", url: string, data?: unknown, extra?: Record<string, string>) =>
    request.fetch(url, { method, headers: headers({ "Content-Type": "application/json", ...extra }), data: typeof data === "string" ? data : JSON.stringify(data ?? {}) });
  return {
    get: (url: string) => request.get(url, { headers: headers() }),
    post: (url: string, data?: unknown, extra?: Record<string, string>) => send("POST", url, data, extra),
    put: (url: string, data?: unknown, extra?: Record<string, string>) => send("PUT", url, data, extra),
    patch: (url: string, data?: unknown, extra?: Record<string, string>) => send("PATCH", url, data, extra),
  };
}

function centreBody(marker: string): Json {
  return {
    provinceCode: "330000",
    cityCode: "330100",
    name: `接口测试中心 ${marker}`,
    leadInstitution: "浙江大学",
    focusTags: ["large_models", "smart_manufacturing"],
    plannedBudgetYuan: 500000000,
    startDate: "2026-01-01",
    plannedCompletionDate: "2027-12-31",
    status: "under_construction",
    milestones: [
      { title: "算力平台上线", category: "compute", weight: 2, plannedDate: "2026-06-30", evidenceRequired: false },
      { title: "首批成果转化", category: "planning", weight: 1, plannedDate: "2027-06-30", evidenceRequired: false },
    ],
  };
}

async function createCentre(api: ReturnType<typeof client>, marker = uniqueSuffix()) {
  const response = await api.post("/api/v1/centres", centreBody(marker));
  expect(response.status(), await response.text()).toBe(201);
  return CentreDetailSchema.parse(await response.json());
}

function draft(centre: { milestones: { id: string }[] }, version: number): Json {
  return {
    version,
    milestones: centre.milestones.map((m, i) => ({ id: m.id, progress: i === 0 ? 50 : 0 })),
    indicators: { investmentExecutedYuan: 120000000, resultsProduced: 40, convertedSelf: 6 },
    narrative: "算力平台一期完成过半，资金按合同节点拨付。",
  };
}

test("staff register a centre with its milestones, edit it and its milestones, and a stale version is refused", async ({ request }) => {
  const staff = client(request, createToken(accounts.staffZj));
  const marker = uniqueSuffix();
  const created = await createCentre(staff, marker);
  expect(created).toMatchObject({ name: `接口测试中心 ${marker}`, provinceCode: "330000", version: 1, completionPercent: 0 });
  expect(created.milestones.map((m) => m.title).sort()).toEqual(["算力平台上线", "首批成果转化"].sort());
  expect(Array.isArray(created.flags)).toBe(true);

  const url = `/api/v1/centres/${created.id}`;
  const edited = await staff.patch(url, { version: 1, name: `接口测试中心（改） ${marker}`, plannedBudgetYuan: 600000000 });
  expect(edited.status(), await edited.text()).toBe(200);
  expect(CentreDetailSchema.parse(await edited.json())).toMatchObject({ version: 2, plannedBudgetYuan: 600000000, focusTags: ["large_models", "smart_manufacturing"] });

  const stale = await problemBody(await staff.patch(url, { version: 1, name: "过期的修改" }), 409);
  expect(stale).toMatchObject({ code: "conflict", version: 2 });
  expect(CentreDetailSchema.parse(await (await staff.get(url)).json()).name).toBe(`接口测试中心（改） ${marker}`);

  const added = await staff.post(`${url}/milestones`, { title: "人才团队组建", category: "planning", weight: 1, plannedDate: "2026-12-31", evidenceRequired: true });
  expect(added.status(), await added.text()).toBe(201);
  const milestone = (await added.json()) as { id: string; version: number };
  expect(milestone).toMatchObject({ centreId: created.id, version: 1, evidenceRequired: true });

  const moved = await staff.patch(`/api/v1/milestones/${milestone.id}`, { version: 1, plannedDate: "2027-03-31" });
  expect(moved.status(), await moved.text()).toBe(200);
  expect(await moved.json()).toMatchObject({ version: 2, plannedDate: "2027-03-31", title: "人才团队组建" });
  await problemBody(await staff.patch(`/api/v1/milestones/${milestone.id}`, { version: 1, weight: 3 }), 409);
});

test("an update is saved, submitted, refused to its author, returned with a reason and approved by another reviewer", async ({ request }) => {
  const staff = client(request, createToken(accounts.staffZj));
  const reviewerZj = client(request, createToken(accounts.reviewerZj));
  const national = client(request, createToken(accounts.reviewer));
  const centre = await createCentre(staff);
  const url = `/api/v1/centres/${centre.id}/updates/${openPeriod}`;

  const saved = await staff.put(url, draft(centre, 0));
  expect(saved.status(), await saved.text()).toBe(200);
  expect(await saved.json()).toMatchObject({ status: "draft", version: 1, period: openPeriod });
  await problemBody(await staff.put(url, draft(centre, 0)), 409);

  const submitted = await staff.post(`${url}/submit`, { version: 1 });
  expect(submitted.status(), await submitted.text()).toBe(200);
  expect(await submitted.json()).toMatchObject({ status: "submitted" });
  // Submitted: locked against further saves.
  expect((await problemBody(await staff.put(url, draft(centre, 2)), 422)).code).toBe("updateLocked");

  // Staff cannot review at all; a reviewer must give a reason to return.
  await problemBody(await staff.post(`${url}/approve`, { version: 2 }), 403);
  expect((await problemBody(await reviewerZj.post(`${url}/return`, { version: 2 }), 422)).code).toBe("reasonRequired");
  await problemBody(await reviewerZj.post(`${url}/approve`, { version: 1 }), 409);
  const returned = await reviewerZj.post(`${url}/return`, { version: 2, reason: "请补充成果转化的合同编号。" });
  expect(returned.status(), await returned.text()).toBe(200);
  expect(await returned.json()).toMatchObject({ status: "returned", version: 3 });

  const resaved = await staff.put(url, { ...draft(centre, 3), indicators: { investmentExecutedYuan: 130000000, resultsProduced: 40, convertedSelf: 6 } });
  expect(resaved.status(), await resaved.text()).toBe(200);
  expect(await resaved.json()).toMatchObject({ status: "returned", version: 4 });
  // Submitting saves the stored draft once more (as the form's submit button does), so the version moves on.
  const resubmitted = await staff.post(`${url}/submit`, { version: 4 });
  expect(await resubmitted.json()).toMatchObject({ status: "submitted", version: 5 });
  const approved = await national.post(`${url}/approve`, { version: 5 });
  expect(approved.status(), await approved.text()).toBe(200);
  expect(await approved.json()).toMatchObject({ status: "approved", version: 6 });
  expect((await problemBody(await national.post(`${url}/approve`, { version: 6 }), 422)).code).toBe("notSubmitted");

  // Approved figures now count: the first milestone's progress is on the centre.
  const detail = CentreDetailSchema.parse(await (await staff.get(`/api/v1/centres/${centre.id}`)).json());
  expect(detail.completionPercent).toBeGreaterThan(0);
});

test("submitting a draft without investment is refused by the workflow, naming the field", async ({ request }) => {
  const staff = client(request, createToken(accounts.staffZj));
  const centre = await createCentre(staff);
  const url = `/api/v1/centres/${centre.id}/updates/${openPeriod}`;
  expect((await staff.put(url, { ...draft(centre, 0), indicators: {} })).status()).toBe(200);
  const refused = await problemBody(await staff.post(`${url}/submit`, { version: 1 }), 422);
  expect(refused.errors?.map((e) => `${e.field}:${e.code}`)).toContain("indicators.investmentExecutedYuan:requiredToSubmit");
  expect((await problemBody(await staff.post(`/api/v1/centres/${centre.id}/updates/2026-Q1/submit`, { version: 1 }), 422)).code).toBe("notStarted");
});

test("the permission matrix: other provinces do not exist, reviewers do not register, nobody without credentials", async ({ request }) => {
  const staffZj = client(request, createToken(accounts.staffZj));
  const reviewerZj = client(request, createToken(accounts.reviewerZj));
  const nobody = client(request, null);
  const before = dbSnapshot(gdCentre.id, "无权限");
  const gd = `/api/v1/centres/${gdCentre.id}`;

  await problemBody(await staffZj.patch(gd, { version: 1, name: "越权修改 无权限" }), 404);
  await problemBody(await staffZj.post(`${gd}/milestones`, { title: "越权 无权限", category: "planning", weight: 1, plannedDate: "2027-01-01" }), 404);
  await problemBody(await staffZj.put(`${gd}/updates/${openPeriod}`, { version: 0, milestones: [] }), 404);
  await problemBody(await staffZj.post(`${gd}/updates/2026-Q3/submit`, { version: 1 }), 404);
  await problemBody(await reviewerZj.post(`${gd}/updates/2026-Q3/approve`, { version: 1 }), 404);
  await problemBody(await staffZj.post("/api/v1/centres", { ...centreBody("无权限"), provinceCode: "440000", cityCode: "440300" }), 404);
  await problemBody(await reviewerZj.post("/api/v1/centres", centreBody("无权限")), 403);
  await problemBody(await reviewerZj.patch(gd, { version: 1 }), 403);
  await problemBody(await nobody.post("/api/v1/centres", centreBody("无权限")), 401);
  await problemBody(await client(request, "act_not-a-real-token").patch(gd, { version: 1 }), 401);

  expect(dbSnapshot(gdCentre.id, "无权限")).toEqual(before);
});

test("administrators register and edit centres; another province's staff and any reviewer cannot touch them", async ({ request }) => {
  const admin = client(request, createToken(accounts.admin));
  const staffGd = client(request, createToken(accounts.staffGd));
  const national = client(request, createToken(accounts.reviewer));
  const marker = uniqueSuffix();
  // In Zhejiang, where this spec registers its centres: the reporting spec counts Guangdong's rows exactly.
  const created = await admin.post("/api/v1/centres", { ...centreBody(marker), milestones: [] });
  expect(created.status(), await created.text()).toBe(201);
  const byAdmin = CentreDetailSchema.parse(await created.json());
  expect(byAdmin).toMatchObject({ provinceCode: "330000", milestones: [] });
  expect((await admin.patch(`/api/v1/centres/${byAdmin.id}`, { version: 1, status: "operational" })).status()).toBe(200);

  const zj = await createCentre(client(request, createToken(accounts.staffZj)));
  const before = dbSnapshot(zj.id, marker);
  const url = `/api/v1/centres/${zj.id}`;
  await problemBody(await staffGd.patch(url, { version: 1, name: "越权" }), 404);
  await problemBody(await staffGd.post(`${url}/milestones`, { title: "越权", category: "planning", weight: 1, plannedDate: "2027-01-01" }), 404);
  await problemBody(await staffGd.patch(`/api/v1/milestones/${zj.milestones[0]!.id}`, { version: 1, weight: 5 }), 404);
  await problemBody(await staffGd.put(`${url}/updates/${openPeriod}`, draft(zj, 0)), 404);
  await problemBody(await national.patch(url, { version: 1, name: "审核人不改" }), 403);
  await problemBody(await national.put(`${url}/updates/${openPeriod}`, draft(zj, 0)), 403);
  await problemBody(await national.post(`${url}/updates/${openPeriod}/submit`, { version: 1 }), 403);
  expect(dbSnapshot(zj.id, marker)).toEqual(before);
});

test("bad input gets its 4xx problem and changes nothing in the database", async ({ request }) => {
  const token = createToken(accounts.staffZj);
  const staff = client(request, token);
  const centre = await createCentre(staff);
  const url = `/api/v1/centres/${centre.id}`;
  const update = `${url}/updates/${openPeriod}`;
  const marker = uniqueSuffix();
  const create = centreBody(marker);
  const huge = JSON.stringify({ ...create, name: "x".repeat(300 * 1024) });

  const cases: [string, () => ReturnType<typeof staff.post>, number, string[]][] = [
    ["malformed JSON", () => staff.post("/api/v1/centres", '{"name": "半个'), 400, ["_body"]],
    ["a JSON array", () => staff.patch(url, "[]"), 400, ["_body"]],
    ["wrong types", () => staff.post("/api/v1/centres", { ...create, plannedBudgetYuan: "很多", focusTags: "large_models,x", startDate: 20260101 }), 400, ["plannedBudgetYuan", "focusTags.0", "startDate"]],
    ["missing fields", () => staff.post("/api/v1/centres", { milestones: [{}] }), 400, ["provinceCode", "cityCode", "name", "leadInstitution", "milestones.0.title", "milestones.0.category"]],
    ["out-of-range numbers", () => staff.post("/api/v1/centres", { ...create, plannedBudgetYuan: -5, milestones: [{ ...(create.milestones as Json[])[0], weight: 101 }] }), 400, ["plannedBudgetYuan", "milestones.0.weight"]],
    ["a fractional progress over 100", () => staff.put(update, { ...draft(centre, 0), milestones: [{ id: centre.milestones[0]!.id, progress: 150.5 }] }), 400, ["milestones.0.progress"]],
    ["negative indicators", () => staff.put(update, { ...draft(centre, 0), indicators: { investmentExecutedYuan: -1, utilizationPercent: 101 } }), 400, ["indicators.investmentExecutedYuan", "indicators.utilizationPercent"]],
    ["overlong strings", () => staff.patch(url, { version: 1, name: "长".repeat(121), leadInstitution: "x".repeat(500) }), 400, ["name", "leadInstitution"]],
    ["an overlong narrative", () => staff.put(update, { ...draft(centre, 0), narrative: "字".repeat(5001) }), 400, ["narrative"]],
    ["unknown fields", () => staff.patch(url, { version: 1, isDemo: true, id: "other" }), 400, ["isDemo", "id"]],
    ["unknown nested fields", () => staff.put(update, { ...draft(centre, 0), indicators: { investmentExecutedYuan: 1, completionPercent: 100 } }), 400, ["indicators.completionPercent"]],
    ["an SQL injection in an id", () => staff.patch(`/api/v1/centres/${encodeURIComponent("x' OR '1'='1")}`, { version: 1 }), 404, []],
    ["an SQL injection in a tag", () => staff.patch(url, { version: 1, focusTags: ["large_models'); DROP TABLE centres;--"] }), 400, ["focusTags.0"]],
    ["an HTML injection in a milestone id", () => staff.put(update, { ...draft(centre, 0), milestones: [{ id: "<script>alert(1)</script>", progress: 10 }] }), 400, ["milestones.0.progress", "milestones"]],
    ["a bad period", () => staff.put(`${url}/updates/2026-Q9`, draft(centre, 0)), 404, []],
    ["a future period", () => staff.put(`${url}/updates/2030-Q1`, draft(centre, 0)), 422, []],
    ["a form content type", () => staff.post("/api/v1/centres", "name=x", { "Content-Type": "application/x-www-form-urlencoded" }), 415, []],
    ["plain text", () => staff.patch(url, JSON.stringify({ version: 1 }), { "Content-Type": "text/plain" }), 415, []],
    ["an oversized body", () => staff.post("/api/v1/centres", huge), 413, []],
    ["the province changed", () => staff.patch(url, { version: 1, provinceCode: "440000", cityCode: "440300" }), 422, ["provinceCode"]],
    ["a city of another province", () => staff.patch(url, { version: 1, cityCode: "440300" }), 400, ["cityCode"]],
  ];

  for (const [label, send, status, fields] of cases) {
    const before = dbSnapshot(centre.id, marker);
    const body = await problemBody(await send(), status);
    if (fields.length > 0) expect(body.errors?.map((e) => e.field), label).toEqual(expect.arrayContaining(fields));
    expect(dbSnapshot(centre.id, marker), label).toEqual(before);
  }
  // HTML in an accepted text field is stored as text, and the JSON answer carries it as text.
  const html = "<img src=x onerror=alert(1)>";
  const saved = await staff.patch(url, { version: 1, leadInstitution: html });
  expect(((await saved.json()) as Json).leadInstitution).toBe(html);
});
