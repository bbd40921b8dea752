import { addressOf } from "@/lib/auth/security-log";
import { refusalStatus } from "@/lib/use-cases/outcome";
import { downloadEvidence } from "@/lib/use-cases/updates/download-evidence";

export const dynamic = "force-dynamic";

const REFUSALS = { 401: "unauthenticated", 403: "forbidden", 404: "not_found" } as Record<number, string>;

/**
 * Evidence is served only to readers of the centre's province, always as a download, never rendered
 * inline, to a signed-in session (as before: API tokens do not download). Another province's file is
 * answered as a missing one (the use case logs it).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const outcome = await downloadEvidence.execute({ actor: { via: "session" }, route: "/api/evidence/[id]", method: "GET", address: addressOf(request.headers) }, { id });
  if (!outcome.ok) {
    // An invalid id (empty, too long) names no file.
    const status = outcome.refusal.kind === "invalid" ? 404 : refusalStatus(outcome.refusal);
    return Response.json({ error: REFUSALS[status] ?? "not_found" }, { status });
  }
  const { bytes, mediaType, originalName } = outcome.value;
  return new Response(bytes, {
    headers: {
      "Content-Type": mediaType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `attachment; filename="evidence"; filename*=UTF-8''${encodeURIComponent(originalName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
