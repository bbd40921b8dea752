import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/current-user";
import { isSameOrigin } from "@/lib/auth/same-origin";
import { addressOf, logRefusal } from "@/lib/auth/security-log";
import { canImport } from "@/lib/domain/permissions";
import { readCapped } from "@/lib/api/write";
import { IMPORT_MAX_BYTES, importOptionsSchema } from "@/lib/validation/import";
import { runImport, type ImportProgress } from "@/app/_lib/import";
import { issueText } from "@/app/_lib/import-messages";

export const dynamic = "force-dynamic";

// Multipart form overhead around the file.
const FORM_OVERHEAD = 64 * 1024;
/** Problems sent back in full; a file with more is wrong throughout, and the count says how many there are. */
const MAX_LISTED_ISSUES = 10_000;

/**
 * Checks (and unless it is a dry run, writes) an uploaded file. The answer is a stream of JSON lines:
 * progress events while the file is read and checked, then one `result` line with the outcome.
 */
export async function POST(request: Request) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "unauthenticated" }, { status: 401 });
  if (!isSameOrigin(request)) {
    logRefusal({ userId: user.id, route: "/import/run", reason: "cross_site", method: "POST", address: addressOf(request.headers) });
    return Response.json({ error: "forbidden" }, { status: 403 });
  }
  if (!canImport(user)) {
    logRefusal({ userId: user.id, route: "/import/run", reason: "import_not_allowed", method: "POST", address: addressOf(request.headers) });
    return Response.json({ error: "forbidden" }, { status: 403 });
  }
  const t = await getTranslations();
  const refuse = (status: number, reason: string, field?: string) => Response.json({ error: "invalid", field, reason, message: issueText(t, { reason }) }, { status });
  const body = await readCapped(request, IMPORT_MAX_BYTES + FORM_OVERHEAD);
  if (!body) return refuse(413, "fileTooLarge", "file");
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    return refuse(400, "invalidUpload");
  }
  const file = form.get("file");
  const options = importOptionsSchema.safeParse(Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")));
  if (!options.success) {
    const issue = options.error.issues[0]!;
    return refuse(400, issue.message, String(issue.path[0] ?? ""));
  }
  if (!(file instanceof File) || file.size === 0) return refuse(400, "fileRequired", "file");
  if (file.size > IMPORT_MAX_BYTES) return refuse(413, "fileTooLarge", "file");
  const bytes = new Uint8Array(await file.arrayBuffer());

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      // The browser may leave mid-import: the import still finishes (or not) as a whole, unheard.
      const send = (line: object) => {
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        } catch {
          // Stream closed by the client.
        }
      };
      const progress = (p: ImportProgress) => send({ type: "progress", ...p });
      try {
        const outcome = await runImport(getDb(), user, options.data, { name: file.name.slice(0, 200), bytes }, progress);
        const found = outcome.status === "refused" ? outcome.issues : [];
        const issues = found.slice(0, MAX_LISTED_ISSUES).map((issue) => ({ ...issue, message: issueText(t, issue) }));
        send({ type: "result", ...outcome, issues, issueCount: found.length });
      } catch (error) {
        console.error(error);
        send({ type: "error", message: t("errors.unexpected") });
      }
      try {
        controller.close();
      } catch {
        // Already closed by the client.
      }
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
}
