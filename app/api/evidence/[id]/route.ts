import { getDb } from "@/db/client";
import { getEvidenceForDownload } from "@/db/evidence";
import { getCurrentUser } from "@/lib/auth/current-user";
import { addressOf, logRefusal } from "@/lib/auth/security-log";
import { canReadProvince } from "@/lib/domain/permissions";
import { readEvidenceFile } from "@/lib/storage/evidence-store";

export const dynamic = "force-dynamic";

/** Evidence is served only to users who may see the centre, always as a download, never rendered inline. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "unauthenticated" }, { status: 401 });
  const { id } = await params;
  const file = getEvidenceForDownload(getDb(), id);
  if (!file) return Response.json({ error: "not_found" }, { status: 404 });
  if (!canReadProvince(user, file.provinceCode)) {
    logRefusal({ userId: user.id, route: "/api/evidence/[id]", target: id, reason: "province_out_of_scope", method: "GET", address: addressOf(request.headers) });
    return Response.json({ error: "forbidden" }, { status: 403 });
  }
  const body = readEvidenceFile(file.storedName);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Length": String(body.byteLength),
      "Content-Disposition": `attachment; filename="evidence"; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
