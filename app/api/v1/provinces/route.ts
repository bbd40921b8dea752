import { apiQuery } from "@/lib/adapters/api";
import { apiProvinces } from "@/lib/use-cases/api/api-provinces";

export const dynamic = "force-dynamic";

/** Every province in the caller's scope with its dashboard figures. */
export const GET = apiQuery("/api/v1/provinces", apiProvinces, { body: (list) => list });
