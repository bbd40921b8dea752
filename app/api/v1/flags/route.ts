import { apiQuery } from "@/lib/adapters/api";
import { apiFlags } from "@/lib/use-cases/api/api-flags";

export const dynamic = "force-dynamic";

/** The risk flags in the caller's scope with their figures, explanation and review state, paged; a `province` filter outside it is not found. */
export const GET = apiQuery("/api/v1/flags", apiFlags, { body: (list) => list });
