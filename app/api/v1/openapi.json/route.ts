import { openApiDocument } from "@/lib/api/openapi";
import { chinaToday } from "@/lib/domain/china-time";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 description of the API. Public: it describes the routes and holds no data. */
export function GET() {
  return Response.json(openApiDocument({ today: chinaToday(), start: env.REPORTING_START }), { headers: { "Cache-Control": "no-store" } });
}
