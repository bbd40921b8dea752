import { z } from "zod";
import { asOfQuerySchema, centresQuerySchema, flagsQuerySchema, reportingQuerySchema } from "@/lib/validation/api-query";
import { apiSchemas, CentreDetailSchema, CentreListSchema, FlagListSchema, ProvinceDetailSchema, ProvinceListSchema, ReportingSchema } from "./schemas";
import { INDICATORS, type IndicatorDef } from "@/lib/registry/indicators";
import { writeOperations } from "./openapi-writes";
import { indicatorsObject } from "./write-schemas";

// The OpenAPI 3.1 document of the REST API, generated from the same zod schemas the routes parse
// their queries with and type their bodies by: the document cannot drift from the code.

type JsonSchema = Record<string, unknown>;
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422;
export type Method = "get" | "post" | "put" | "patch";

export interface ParameterDoc {
  name: string;
  in: "query" | "path";
  required: boolean;
  description: string;
  schema: JsonSchema;
}
type ResponseDoc = { $ref: string } | { description: string; content: Record<string, { schema: JsonSchema }> };
export interface OperationDoc {
  operationId: string;
  summary: string;
  description: string;
  security?: [];
  parameters: ParameterDoc[];
  requestBody?: { required: true; content: { "application/json": { schema: JsonSchema } } };
  responses: Record<string, ResponseDoc>;
}

export interface Operation {
  path: string;
  method?: Method;
  /** The JSON body of a write, its component registered in apiSchemas. */
  body?: z.ZodType;
  /** 200 unless it creates something (201). */
  status?: 200 | 201;
  operationId: string;
  summary: string;
  description: string;
  pathParams?: { name: string; description: string; pattern: string }[];
  query?: z.ZodObject;
  response: z.ZodType;
  errors: ErrorStatus[];
}

const SCOPE_NOTE = "National users (national reviewers, administrators) read every province; provincial staff and reviewers read their own.";

function operations(today: string, start: string): Operation[] {
  const asOf = asOfQuerySchema(today, start);
  return [
    {
      path: "/api/v1/provinces",
      operationId: "listProvinces",
      summary: "Provinces with their dashboard figures",
      description: `Every province in the caller's scope: centre completion (mean and budget-weighted), targets met, on track, at risk and unmeasured, schedule index, investment executed against planned to date and budget, open red and amber flags. ${SCOPE_NOTE}`,
      query: asOf,
      response: ProvinceListSchema,
      errors: [400, 401],
    },
    {
      path: "/api/v1/provinces/{code}",
      operationId: "getProvince",
      summary: "One province with its targets",
      description: "The province's roll-ups and each plan target with its actual, progress, plan to date, schedule index, standing and forecast. A province outside the caller's scope is not found (404).",
      pathParams: [{ name: "code", description: "GB/T 2260 province code, e.g. 330000", pattern: "^\\d{2}0000$" }],
      query: asOf,
      response: ProvinceDetailSchema,
      errors: [400, 401, 404],
    },
    {
      path: "/api/v1/centres",
      operationId: "listCentres",
      summary: "Centres, filtered and paged",
      description: `Centres registered by the day shown, ordered by province, city and name, with status, completion, schedule index, latest approved period and open flags. ${SCOPE_NOTE}`,
      query: centresQuerySchema(today, start),
      response: CentreListSchema,
      errors: [400, 401, 403, 404],
    },
    {
      path: "/api/v1/centres/{id}",
      operationId: "getCentre",
      summary: "One centre with milestones and flags",
      description: "Every registered field (with `version`), the milestones with approved progress, completion, planned completion, schedule index and every flag naming the centre. A centre outside the caller's scope, or registered after `asOf`, is not found (404).",
      pathParams: [{ name: "id", description: "The centre's id (UUID)", pattern: "^[0-9a-f-]{36}$" }],
      query: asOf,
      response: CentreDetailSchema,
      errors: [400, 401, 404],
    },
    {
      path: "/api/v1/flags",
      operationId: "listFlags",
      summary: "Risk flags, filtered and paged",
      description: `The flags of the seven risk rules in the caller's scope, most severe first, each with its explanation (Chinese and English), the figures it used and its review state. ${SCOPE_NOTE}`,
      query: flagsQuerySchema(today, start),
      response: FlagListSchema,
      errors: [400, 401, 403, 404],
    },
    {
      path: "/api/v1/reporting",
      operationId: "getReporting",
      summary: "Reporting discipline for a period",
      description: `Updates expected, reported, approved and on time, completeness and timeliness per province and in total, and the overdue centres with days late. ${SCOPE_NOTE}`,
      query: reportingQuerySchema(today, start),
      response: ReportingSchema,
      errors: [400, 401, 403, 404],
    },
    ...writeOperations(),
  ];
}

const ERROR_RESPONSES: Record<ErrorStatus, { name: string; description: string }> = {
  400: { name: "BadRequest", description: "A query parameter or body field is invalid, unknown, or the body is not JSON; `errors` names each one" },
  401: { name: "Unauthorized", description: "No valid token or session" },
  403: { name: "Forbidden", description: "The caller's role may not do this, or a body names a province the caller may not write in" },
  404: { name: "NotFound", description: "No such resource in the caller's scope" },
  409: { name: "Conflict", description: "The resource changed since the version sent was read; `version` is the current one" },
  413: { name: "ContentTooLarge", description: "The body is larger than 256 KB" },
  415: { name: "UnsupportedMediaType", description: "The body is not sent as application/json" },
  422: { name: "UnprocessableContent", description: "A valid request the workflow refuses (`code`: updateLocked, notSubmitted, ownUpdate, reasonRequired, provinceImmutable, …; `errors` names the fields)" },
};

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** A zod schema's component id (every response schema is registered in `apiSchemas`). */
function componentId(schema: z.ZodType): string {
  const id = apiSchemas.get(schema)?.id;
  if (!id) throw new Error("Response schema is not registered in apiSchemas");
  return id;
}

/** The query parameters of a schema, each with its JSON Schema and description. */
export function queryParameters(query: z.ZodObject): ParameterDoc[] {
  const json = z.toJSONSchema(query, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, { description, ...schema }]) => ({
    name,
    in: "query" as const,
    required: json.required?.includes(name) ?? false,
    description: typeof description === "string" ? description : "",
    schema,
  }));
}

function componentSchemas(indicators: readonly IndicatorDef[]): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(apiSchemas, { uri: (id) => `#/components/schemas/${id}` });
  // The update body's indicators come from the registry given (the real one but in the registry test).
  const { $schema: _dialect, ...indicatorsSchema } = z.toJSONSchema(indicatorsObject(indicators));
  schemas.Indicators = indicatorsSchema;
  // Components live inside the document: they need no dialect or id of their own.
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema, $id, ...schema }]) => [id, schema]));
}

export function openApiDocument({ today, start, indicators = INDICATORS }: { today: string; start: string; indicators?: readonly IndicatorDef[] }) {
  const paths: Record<string, Partial<Record<Method, OperationDoc>>> = {};
  for (const op of operations(today, start)) {
    const parameters: ParameterDoc[] = [
      ...(op.pathParams ?? []).map((p) => ({ name: p.name, in: "path" as const, required: true, description: p.description, schema: { type: "string", pattern: p.pattern } })),
      ...(op.query ? queryParameters(op.query) : []),
    ];
    const status = op.status ?? 200;
    const responses: Record<string, ResponseDoc> = { [String(status)]: { description: status === 201 ? "Created" : "OK", content: { "application/json": { schema: ref(componentId(op.response)) } } } };
    for (const error of op.errors) responses[String(error)] = { $ref: `#/components/responses/${ERROR_RESPONSES[error].name}` };
    const requestBody = op.body && { required: true as const, content: { "application/json": { schema: ref(componentId(op.body)) } } };
    paths[op.path] = { ...paths[op.path], [op.method ?? "get"]: { operationId: op.operationId, summary: op.summary, description: op.description, parameters, ...(requestBody && { requestBody }), responses } };
  }
  paths["/api/v1/openapi.json"] = {
    get: {
      operationId: "getOpenApi",
      summary: "This document",
      description: "The OpenAPI 3.1 description of the API; needs no credentials.",
      security: [],
      parameters: [],
      responses: { "200": { description: "OK", content: { "application/json": { schema: { type: "object" } } } } },
    },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "AI Centre Tracker API · 人工智能创新中心建设监测平台",
      version: "1.0.0",
      description:
        "Read access to the figures the dashboards show, computed on the server from approved data only, and writes that apply exactly the rules of the forms (JSON bodies up to 256 KB, unknown fields refused, edits carry the `version` read). JSON in camelCase, money in integer 元, dates YYYY-MM-DD (Beijing), timestamps ISO-8601 UTC. Every read takes `asOf` to see the figures as they stood at the end of a past day. Refusals are RFC 9457 problem details.",
    },
    servers: [{ url: "/" }],
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    paths,
    components: {
      schemas: componentSchemas(indicators),
      responses: Object.fromEntries(
        Object.values(ERROR_RESPONSES).map(({ name, description }) => [name, { description, content: { "application/problem+json": { schema: ref("Problem") } } }]),
      ) as Record<string, { description: string; content: Record<string, { schema: JsonSchema }> }>,
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", bearerFormat: "act_…", description: "A personal API token, sent as `Authorization: Bearer act_…`." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The browser session of a signed-in user; named `__Host-next-auth.session-token` when the app is served over https." },
      },
    },
  };
}
export type OpenApiDocument = ReturnType<typeof openApiDocument>;

/** Every operation of the document, path by path in the order written, with its method. */
export function documentOperations(document: Pick<OpenApiDocument, "paths">): { path: string; method: Method; operation: OperationDoc }[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method: method as Method, operation: operation as OperationDoc })),
  );
}
