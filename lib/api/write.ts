import { problem, type FieldProblem } from "./problem";
import { reasonText } from "./query";

// The body half of the REST API's writes: a JSON object of a sane size with only known fields, and the
// 400 problem naming each invalid field. The order of the checks is apiCommand's (lib/adapters/api.ts).

/** The largest body a write accepts: a centre with a hundred milestones is a few tens of kilobytes. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Allowed keys of a JSON object, with the allowed keys of nested objects and arrays of objects. */
export interface KeySpec {
  keys: readonly string[];
  nested?: Record<string, KeySpec>;
}

function sentence(code: string, value = ""): string {
  return reasonText(code, { value, today: "", start: "" });
}

/** Rules against stored state (FieldErrors' field → reason code) as field problems, paths mapped. */
export function fieldErrorProblems(keys: Record<string, string>, mapPath: (path: string) => string = (p) => p): FieldProblem[] {
  return Object.entries(keys).map(([field, code]) => ({ field: mapPath(field), code, detail: sentence(code) }));
}

/** Every key the spec does not allow, at any depth, as a field problem. Non-objects are left to the schema. */
export function unknownFields(value: unknown, spec: KeySpec, prefix = ""): FieldProblem[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [];
  const problems: FieldProblem[] = [];
  for (const [key, child] of Object.entries(value)) {
    const field = `${prefix}${key}`;
    if (!spec.keys.includes(key)) {
      problems.push({ field, code: "unknownField", detail: `Unknown field "${field}".` });
      continue;
    }
    const nested = spec.nested?.[key];
    if (!nested) continue;
    if (Array.isArray(child)) child.forEach((item, i) => problems.push(...unknownFields(item, nested, `${field}.${i}.`)));
    else problems.push(...unknownFields(child, nested, `${field}.`));
  }
  return problems;
}

/** Reads at most `limit` bytes of the body, whatever Content-Length claims; undefined when it is longer. */
export async function readCapped(request: Request, limit: number): Promise<Uint8Array | undefined> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > limit) return undefined;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

type BodyResult = { ok: true; value: unknown } | { ok: false; response: Response };

/** The body as JSON: 415 unless it says application/json, 413 above the cap, 400 when it does not parse. */
export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") return { ok: false, response: problem(415, "Send the body as JSON (Content-Type: application/json).") };
  const bytes = await readCapped(request, limit);
  if (!bytes) return { ok: false, response: problem(413, `The body is larger than ${limit} bytes.`) };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, response: problem(400, "The body is not valid UTF-8.", { errors: [{ field: "_body", code: "malformed", detail: "Not valid UTF-8." }] }) };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: problem(400, "The body is not valid JSON.", { errors: [{ field: "_body", code: "malformed", detail: "Not valid JSON." }] }) };
  }
}

export function invalidBody(errors: FieldProblem[]): Response {
  const names = [...new Set(errors.map((e) => e.field))];
  return problem(400, `Invalid field${names.length === 1 ? "" : "s"}: ${names.join(", ")}.`, { errors });
}
