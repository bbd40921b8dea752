import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ConflictError, DomainError, FieldErrors, ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { centreSchema } from "@/lib/validation/centre";
import { errorResponse, MAX_BODY_BYTES, OutOfScopeError, parseBody, readCapped, writeRoute, type KeySpec } from "./write";

const staff: Actor = { id: "u1", role: "staff", provinceCode: "330000" };
const reviewer: Actor = { id: "u2", role: "reviewer", provinceCode: null };
const KEYS: KeySpec = { keys: ["name", "items"], nested: { items: { keys: ["id", "progress"] } } };

function post(body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) {
  return new Request("http://test/api/v1/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

function route(actor: Actor | null, handler = vi.fn((context: { body: unknown }) => Response.json({ ok: context.body !== undefined }))) {
  const refusals: string[] = [];
  const run = writeRoute(async () => actor, (_a, reason) => refusals.push(reason), { roles: ["staff", "admin"], keys: KEYS, currentVersion: () => 7 }, handler);
  return { call: (request: Request) => run(request, { params: Promise.resolve({}) }), handler, refusals };
}

describe("writeRoute", () => {
  it("passes a JSON object with known fields to the handler", async () => {
    const { call, handler } = route(staff);
    const response = await call(post(JSON.stringify({ name: "a", items: [{ id: "m", progress: 5 }] })));
    expect(response.status).toBe(200);
    expect(handler.mock.calls[0]![0].body).toEqual({ name: "a", items: [{ id: "m", progress: 5 }] });
  });

  it.each([
    ["no credentials", null, post("{}"), 401],
    ["a role that may not write", reviewer, post("{}"), 403],
    ["no content type", staff, post("{}", {}), 415],
    ["a form content type", staff, post("name=a", { "content-type": "application/x-www-form-urlencoded" }), 415],
    ["malformed JSON", staff, post('{"name": '), 400],
    ["invalid UTF-8", staff, post(new Uint8Array([0x7b, 0xff, 0x7d])), 400],
    ["a JSON array", staff, post("[1,2]"), 400],
    ["JSON null", staff, post("null"), 400],
    ["an oversized body", staff, post(JSON.stringify({ name: "x".repeat(MAX_BODY_BYTES) })), 413],
  ])("refuses %s before the handler", async (_label, actor, request, status) => {
    const { call, handler } = route(actor);
    const response = await call(request);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
    expect(handler).not.toHaveBeenCalled();
  });

  it("names every unknown field, nested ones too", async () => {
    const { call, handler } = route(staff);
    const response = await call(post(JSON.stringify({ name: "a", admin: true, items: [{ id: "m", extra: 1 }] })));
    expect(response.status).toBe(400);
    expect((await response.json()).errors.map((e: { field: string }) => e.field)).toEqual(["admin", "items.0.extra"]);
    expect(handler).not.toHaveBeenCalled();
  });

  it("maps domain errors from the handler and logs forbidden ones", async () => {
    const { call, refusals } = route(staff, vi.fn(() => {
      throw new ForbiddenError();
    }));
    expect((await call(post("{}"))).status).toBe(403);
    expect(refusals).toEqual(["row_out_of_scope"]);
  });

  it("answers a row outside the caller's scope 404, as if missing, and logs it", async () => {
    const { call, refusals } = route(staff, vi.fn(() => {
      throw new OutOfScopeError();
    }));
    expect((await call(post("{}"))).status).toBe(404);
    expect(refusals).toEqual(["province_out_of_scope"]);
  });

  it("gives a 409 the current version", async () => {
    const { call } = route(staff, vi.fn(() => {
      throw new ConflictError();
    }));
    const response = await call(post("{}"));
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ status: 409, code: "conflict", version: 7 });
  });
});

describe("readCapped", () => {
  it("stops reading at the cap even when Content-Length is absent", async () => {
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const request = new Request("http://test", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect(await readCapped(request, 10_000)).toBeUndefined();
  });

  it("refuses a declared length above the cap without reading", async () => {
    const request = new Request("http://test", { method: "POST", body: "{}", headers: { "content-length": "999999999" } });
    expect(await readCapped(request, 1000)).toBeUndefined();
  });
});

describe("errorResponse", () => {
  it.each([
    [new ForbiddenError(), 403, undefined],
    [new NotFoundError(), 404, undefined],
    [new DomainError("ownUpdate"), 422, "ownUpdate"],
    [new DomainError("reasonRequired", "reason"), 422, "reasonRequired"],
  ])("maps %s", async (error, status, code) => {
    const response = errorResponse(error);
    expect(response.status).toBe(status);
    if (code) expect(await response.json()).toMatchObject({ code });
  });

  it("lists stored-state rule failures as 400 fields", async () => {
    const response = errorResponse(new FieldErrors({ "milestones.0.progress": "decreasedNeedsReason", narrative: "narrativeRequiredDeviation" }));
    expect(response.status).toBe(400);
    expect((await response.json()).errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)).toEqual([
      "milestones.0.progress:decreasedNeedsReason",
      "narrative:narrativeRequiredDeviation",
    ]);
  });

  it("throws anything else on: a bug is not a refusal", () => {
    expect(() => errorResponse(new TypeError("boom"))).toThrow("boom");
  });
});

describe("parseBody with the form's schema", () => {
  it("takes JSON numbers and arrays where the form takes strings", () => {
    const centre = parseBody(centreSchema, {
      provinceCode: "330000",
      cityCode: "330100",
      name: "杭州中心",
      leadInstitution: "浙江大学",
      focusTags: ["large_models"],
      plannedBudgetYuan: 500000000,
      startDate: "2026-01-01",
      plannedCompletionDate: "2027-12-31",
      status: "under_construction",
    });
    expect(centre).toMatchObject({ plannedBudgetYuan: 500000000, focusTags: ["large_models"], targetIds: [], partners: [] });
  });

  it("lists every invalid field at once", () => {
    try {
      parseBody(centreSchema, { provinceCode: "33", name: "x".repeat(121), plannedBudgetYuan: -1, startDate: "2026-02-30" });
      expect.unreachable();
    } catch (error) {
      const fields = (error as { errors: { field: string }[] }).errors.map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(["provinceCode", "cityCode", "name", "leadInstitution", "plannedBudgetYuan", "startDate", "status", "focusTags"]));
    }
  });

  it("maps paths onto the API's body", () => {
    expect(() => parseBody(z.object({ patentsFiled: z.number() }), {}, (p) => `indicators.${p}`)).toThrow(expect.objectContaining({ errors: [expect.objectContaining({ field: "indicators.patentsFiled" })] }));
  });
});
