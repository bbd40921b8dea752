import { checkHealth } from "@/lib/use-cases/public/health";

// Public and read-only: tells a load balancer or operator whether the app can reach its database.
export const dynamic = "force-dynamic";

export async function GET() {
  const { database } = await checkHealth();
  return Response.json(
    { status: database ? "ok" : "unavailable", checks: { database: database ? "ok" : "unreachable" }, time: new Date().toISOString() },
    { status: database ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
