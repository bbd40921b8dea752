// RFC 9457 problem details for the REST API: one shape for every refusal, with the invalid fields
// named in `errors` so an integrator can fix a request without reading server logs.

export interface FieldProblem {
  /** The field's path in the request body or query, dot-separated ("milestones.0.progress"). */
  field: string;
  /** A stable reason code (the same keys as the forms' messages: "required", "tooBig", …). */
  code: string;
  detail: string;
}

export const PROBLEM_TITLES = {
  400: "Invalid request",
  401: "Authentication required",
  403: "Not allowed",
  404: "Not found",
  405: "Method not allowed",
  409: "Version conflict",
  413: "Request too large",
  415: "Unsupported media type",
  422: "Refused by the workflow",
} as const;
export type ProblemStatus = keyof typeof PROBLEM_TITLES;

export function problem(status: ProblemStatus, detail: string, extra: { errors?: FieldProblem[]; code?: string } = {}, headers: HeadersInit = {}): Response {
  const body = { type: `https://tracker.invalid/problems/${status}`, title: PROBLEM_TITLES[status], status, detail, ...extra };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/problem+json; charset=utf-8", "Cache-Control": "no-store", ...(status === 401 ? { "WWW-Authenticate": 'Bearer realm="api"' } : {}), ...headers },
  });
}
