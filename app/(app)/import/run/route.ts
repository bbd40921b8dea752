import { getTranslations } from "next-intl/server";
import { plainTranslator } from "@/lib/i18n/translator";
import { readCapped } from "@/lib/api/write";
import { isSameOrigin } from "@/lib/auth/same-origin";
import { addressOf, logRefusal } from "@/lib/auth/security-log";
import type { Call } from "@/lib/use-cases/define";
import { rowRefusalIssue, runImport, type ImportOutcome } from "@/lib/use-cases/import/run-import";
import type { ImportProgress } from "@/lib/use-cases/import/run-import.schema";
import { refusalStatus, type Refusal } from "@/lib/use-cases/outcome";
import { IMPORT_MAX_BYTES } from "@/lib/validation/import";
import { issueText } from "@/app/_lib/import-messages";

export const dynamic = "force-dynamic";

// Multipart form overhead around the file.
const FORM_OVERHEAD = 64 * 1024;
/** Problems sent back in full; a file with more is wrong throughout, and the count says how many there are. */
const MAX_LISTED_ISSUES = 10_000;

/**
 * Checks (and unless it is a dry run, writes) an uploaded file. The answer is a stream of JSON lines:
 * progress events while the file is read and checked, then one `result` line with the outcome. Who may
 * import is the use case's first step, before the body is read; a cookie-authenticated upload must come
 * from this site.
 */
export async function POST(request: Request) {
  const call: Call = { actor: { via: "session" }, route: "/import/run", method: "POST", address: addressOf(request.headers) };
  const admission = await runImport.admit(call);
  if (!admission.ok) {
    const status = refusalStatus(admission.refusal);
    return Response.json({ error: status === 401 ? "unauthenticated" : "forbidden" }, { status });
  }
  if (!isSameOrigin(request)) {
    logRefusal({ userId: admission.admitted.actor.id, route: call.route, reason: "cross_site", method: "POST", address: call.address });
    return Response.json({ error: "forbidden" }, { status: 403 });
  }
  const plain = plainTranslator(await getTranslations());
  const refuse = (status: number, reason: string, field?: string) => Response.json({ error: "invalid", field, reason, message: issueText(plain, { reason }) }, { status });
  const body = await readCapped(request, IMPORT_MAX_BYTES + FORM_OVERHEAD);
  if (!body) return refuse(413, "fileTooLarge", "file");
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    return refuse(400, "invalidUpload");
  }
  const upload = form.get("file");
  if (upload instanceof File && upload.size > IMPORT_MAX_BYTES) return refuse(413, "fileTooLarge", "file");
  const file = upload instanceof File ? { name: upload.name.slice(0, 200), bytes: new Uint8Array(await upload.arrayBuffer()) } : undefined;
  const options = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string"));

  // The use case reports "reading" once its input is valid: until then a refusal is still an HTTP answer.
  // After it, everything goes down the stream: the buffered events first, then the rest as they come.
  const buffered: ImportProgress[] = [];
  let forward: ((p: ImportProgress) => void) | undefined;
  let started: () => void = () => undefined;
  const valid = new Promise<"valid">((resolve) => (started = () => resolve("valid")));
  const running = runImport.proceed(admission.admitted, {
    ...options,
    file,
    onProgress: (p: ImportProgress) => {
      started();
      if (forward) forward(p);
      else buffered.push(p);
    },
  });
  const first = await Promise.race([valid, running]);
  if (first !== "valid" && !first.ok) return refusalAnswer(first.refusal);

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
      for (const p of buffered) send({ type: "progress", ...p });
      forward = (p) => send({ type: "progress", ...p });
      try {
        const outcome = await running;
        const value: ImportOutcome = outcome.ok ? outcome.value : outcome.refusal.kind === "refused" ? { status: "refused", issues: [rowRefusalIssue(outcome.refusal)], counts: NO_COUNTS } : unexpected(outcome.refusal.kind);
        const found = value.status === "refused" ? value.issues : [];
        const issues = found.slice(0, MAX_LISTED_ISSUES).map((issue) => ({ ...issue, message: issueText(plain, issue) }));
        send({ type: "result", ...value, issues, issueCount: found.length });
      } catch (error) {
        console.error(error);
        send({ type: "error", message: plain("errors.unexpected") });
      }
      try {
        controller.close();
      } catch {
        // Already closed by the client.
      }
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });

  /** A refusal before the file was read: an invalid option or a missing file names its field, as the form shows it. */
  function refusalAnswer(refusal: Refusal): Response {
    if (refusal.kind === "invalid") {
      const issue = refusal.fields[0];
      return refuse(400, issue?.code ?? "invalid", issue?.path.split(".")[0] || undefined);
    }
    const status = refusalStatus(refusal);
    return Response.json({ error: status === 401 ? "unauthenticated" : "forbidden" }, { status });
  }
}

const NO_COUNTS = { rows: 0, create: 0, update: 0, unchanged: 0, skip: 0 };

function unexpected(kind: string): never {
  throw new Error(`import.run refused after reading the file: ${kind}`);
}
