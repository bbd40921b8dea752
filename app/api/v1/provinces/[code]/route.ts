import { apiQuery } from "@/lib/adapters/api";
import type { ProvinceDetail } from "@/lib/api/schemas";
import { apiProvince } from "@/lib/use-cases/api/api-province";

export const dynamic = "force-dynamic";

/** One province with its targets and roll-ups; outside the caller's scope it does not exist (404). */
export const GET = apiQuery<{ code: string }, ProvinceDetail>("/api/v1/provinces/[code]", apiProvince, { body: (detail) => detail });
