import { apiCommand } from "@/lib/adapters/api";
import { REVIEW_KEYS } from "@/lib/api/bodies";
import { apiJson } from "@/lib/adapters/api";
import { reviewUpdate } from "@/lib/use-cases/updates/review-update";

export const dynamic = "force-dynamic";

/** Approves a submitted update (reviewers in scope; never one they wrote or edited). */
export const POST = apiCommand("/api/v1/centres/[id]/updates/[period]/approve", reviewUpdate, {
  keys: REVIEW_KEYS,
  input: (params: { id: string; period: string }, body) => ({ ...(body as object), centreId: params.id, period: params.period, decision: "approve" }),
  answer: ({ id, centreId, period, status, version }) => apiJson({ id, centreId, period, status, version }),
});
