import { apiCommand } from "@/lib/adapters/api";
import { VERSION_KEYS, updateBodyPath } from "@/lib/api/bodies";
import { problem } from "@/lib/api/problem";
import { apiJson } from "@/lib/adapters/api";
import { fieldErrorProblems } from "@/lib/api/write";
import { submitUpdate } from "@/lib/use-cases/updates/submit-update";

export const dynamic = "force-dynamic";

/**
 * Submits the saved draft for review, as the form's submit button does with the stored figures: the
 * update rules run again (a draft without investment, or missing a milestone, is refused with 422
 * naming the fields to fix with PUT first).
 */
export const POST = apiCommand("/api/v1/centres/[id]/updates/[period]/submit", submitUpdate, {
  keys: VERSION_KEYS,
  input: (params: { id: string; period: string }, body) => ({ ...(body as object), centreId: params.id, period: params.period }),
  answer: ({ id, centreId, period, status, version }) => apiJson({ id, centreId, period, status, version }),
  // An invalid body names only `version`; any other field is a rule the stored draft breaks.
  refusal: (refusal) => {
    if (refusal.kind !== "invalid" || refusal.fields.every((f) => f.path === "version")) return undefined;
    const errors = fieldErrorProblems(Object.fromEntries(refusal.fields.map((f) => [f.path, f.code])), updateBodyPath);
    return problem(422, "The saved draft cannot be submitted: correct the fields named with PUT, then submit again.", { code: "updateIncomplete", errors });
  },
});
