import { describe, expect, it } from "vitest";
import { centresQuerySchema, flagsQuerySchema, reportingQuerySchema } from "@/lib/validation/api-query";
import { documentOperations, openApiDocument } from "./openapi";
import { problem } from "./problem";
import { ProblemSchema } from "./schemas";
import { RISK_CODES } from "@/lib/registry/risk-codes";

const document = openApiDocument({ today: "2026-11-27", start: "2026-07-01" });
const operations = documentOperations(document).map(({ path, method, operation }) => ({ path, method, ...operation }));
const reads = operations.filter((op) => op.method === "get");
const writes = operations.filter((op) => op.method !== "get");

/** Every `$ref` anywhere in a JSON value. */
function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => (key === "$ref" && typeof v === "string" ? [v] : refs(v)));
}

function resolve(pointer: string): unknown {
  return pointer
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
}

describe("openApiDocument", () => {
  it("is OpenAPI 3.1 listing every route of the API", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual([
      "/api/v1/centres",
      "/api/v1/centres/{id}",
      "/api/v1/centres/{id}/milestones",
      "/api/v1/centres/{id}/updates/{period}",
      "/api/v1/centres/{id}/updates/{period}/approve",
      "/api/v1/centres/{id}/updates/{period}/return",
      "/api/v1/centres/{id}/updates/{period}/submit",
      "/api/v1/flags",
      "/api/v1/milestones/{id}",
      "/api/v1/openapi.json",
      "/api/v1/provinces",
      "/api/v1/provinces/{code}",
      "/api/v1/reporting",
    ]);
    expect(writes.map((op) => `${op.method.toUpperCase()} ${op.path}`)).toEqual([
      "POST /api/v1/centres",
      "PATCH /api/v1/centres/{id}",
      "POST /api/v1/centres/{id}/milestones",
      "PATCH /api/v1/milestones/{id}",
      "PUT /api/v1/centres/{id}/updates/{period}",
      "POST /api/v1/centres/{id}/updates/{period}/submit",
      "POST /api/v1/centres/{id}/updates/{period}/approve",
      "POST /api/v1/centres/{id}/updates/{period}/return",
    ]);
    expect(new Set(operations.map((op) => op.operationId)).size).toBe(operations.length);
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it("describes every component schema", () => {
    for (const [id, schema] of Object.entries(document.components.schemas)) {
      expect(typeof schema.description === "string" && schema.description.length > 10, id).toBe(true);
      expect(schema.$schema, id).toBeUndefined();
    }
  });

  it("resolves every $ref inside the document", () => {
    const all = refs(document);
    expect(all.length).toBeGreaterThan(20);
    for (const ref of all) expect(resolve(ref), ref).toBeDefined();
  });

  it("secures every data route with a bearer token or the session cookie; the document itself is public", () => {
    expect(document.security).toEqual([{ bearerToken: [] }, { sessionCookie: [] }]);
    expect(document.components.securitySchemes.bearerToken).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.components.securitySchemes.sessionCookie).toMatchObject({ type: "apiKey", in: "cookie" });
    for (const op of operations) {
      if (op.path === "/api/v1/openapi.json") expect(op.security).toEqual([]);
      else expect(op.responses["401"], op.path).toEqual({ $ref: "#/components/responses/Unauthorized" });
    }
  });

  it("answers refusals with the Problem schema as application/problem+json", () => {
    for (const name of ["BadRequest", "Unauthorized", "Forbidden", "NotFound"]) {
      expect(document.components.responses[name]?.content["application/problem+json"]?.schema).toEqual({ $ref: "#/components/schemas/Problem" });
    }
    const byPath = Object.fromEntries(reads.map((op) => [op.path, Object.keys(op.responses).sort()]));
    expect(byPath["/api/v1/centres"]).toEqual(["200", "400", "401", "403", "404"]);
    expect(byPath["/api/v1/centres/{id}"]).toEqual(["200", "400", "401", "404"]);
    expect(byPath["/api/v1/provinces/{code}"]).toEqual(["200", "400", "401", "404"]);
  });

  it("documents every parameter the routes read, each with a description and a schema", () => {
    const names = (path: string) => reads.find((op) => op.path === path)!.parameters.map((p) => p.name);
    expect(names("/api/v1/centres")).toEqual(Object.keys(centresQuerySchema("2026-11-27", "2026-07-01").shape));
    expect(names("/api/v1/flags")).toEqual(Object.keys(flagsQuerySchema("2026-11-27", "2026-07-01").shape));
    expect(names("/api/v1/reporting")).toEqual(Object.keys(reportingQuerySchema("2026-11-27", "2026-07-01").shape));
    expect(names("/api/v1/centres/{id}")).toEqual(["id", "asOf"]);
    for (const op of operations) {
      for (const p of op.parameters) {
        expect(p.description.length, `${op.path} ${p.name}`).toBeGreaterThan(10);
        expect(Object.keys(p.schema).length, `${op.path} ${p.name}`).toBeGreaterThan(0);
      }
    }
    const pageSize = reads.find((op) => op.path === "/api/v1/centres")!.parameters.find((p) => p.name === "pageSize");
    expect(pageSize).toMatchObject({ in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 200 } });
  });

  it("gives every write a JSON request body and every refusal the wrapper can answer", () => {
    for (const op of writes) {
      expect(op.requestBody?.content["application/json"].schema.$ref, op.operationId).toMatch(/^#\/components\/schemas\//);
      expect(Object.keys(op.responses).filter((s) => s.startsWith("2")), op.operationId).toEqual([op.operationId.startsWith("create") ? "201" : "200"]);
      expect(Object.keys(op.responses).filter((s) => s.startsWith("4")).sort(), op.operationId).toEqual(["400", "401", "403", "404", "409", "413", "415", "422"]);
    }
    expect(document.components.responses.Conflict?.description).toMatch(/version/);
    expect(document.components.schemas.CentreCreate).toMatchObject({ type: "object", additionalProperties: false });
    expect(Object.keys(document.components.schemas.UpdateDraft!.properties as object)).toEqual(["version", "milestones", "indicators", "narrative", "correctionReason"]);
  });

  it("describes the bodies problem() really sends", async () => {
    const body = await problem(400, "Invalid query parameter: page.", { errors: [{ field: "page", code: "tooSmall", detail: "This number is too small." }] }).json();
    expect(ProblemSchema.parse(body)).toEqual(body);
    const schema = document.components.schemas.Problem as { required: string[] };
    expect(schema.required).toEqual(["type", "title", "status", "detail"]);
  });

  it("quotes the schedule thresholds from the registry, centres' and targets' apart, and lists the registry's codes", () => {
    const description = (schema: string, field: string) =>
      ((document.components.schemas[schema] as { properties: Record<string, { description?: string }> }).properties[field]!.description ?? "");
    expect(description("CentreListItem", "scheduleIndex")).toContain("below 0.9 amber, below 0.75 red (defaults of `schedule.centreAmberBelowIndex` and `schedule.centreRedBelowIndex`)");
    expect(description("Target", "scheduleIndex")).toContain("below 0.9 amber, below 0.75 red (defaults of `schedule.amberBelowIndex` and `schedule.redBelowIndex`)");
    const flag = document.components.schemas.Flag as { description: string; properties: { code: { enum: string[] } } };
    expect(flag.properties.code.enum).toEqual([...RISK_CODES]);
    expect(flag.description).toContain(`one of the ${RISK_CODES.length} rules`);
  });
});
