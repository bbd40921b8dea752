import { getDb } from "@/db/client";
import { databaseAnswers } from "@/db/health";

// Public and read-only: tells a load balancer or operator whether the app can reach its database.
export const dynamic = "force-dynamic";

export function GET() {
  let database = false;
  try {
    database = databaseAnswers(getDb());
  } catch {
    database = false;
  }
  return Response.json(
    { status: database ? "ok" : "unavailable", checks: { database: database ? "ok" : "unreachable" }, time: new Date().toISOString() },
    { status: database ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
