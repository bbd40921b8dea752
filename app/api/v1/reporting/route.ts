import { apiQuery } from "@/lib/adapters/api";
import { apiReporting } from "@/lib/use-cases/api/api-reporting";

export const dynamic = "force-dynamic";

/** Completeness and timeliness per province and in total for one period, and the overdue centres; a `province` filter outside the caller's scope is not found. */
export const GET = apiQuery("/api/v1/reporting", apiReporting, { body: (figures) => figures });
