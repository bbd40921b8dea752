// The browser side of an import: upload with progress (XMLHttpRequest reports upload progress, fetch
// does not), then read the server's JSON lines as they arrive.

export type ImportIssueView = { row: number | null; column: string | null; value: string | null; reason: string; message: string };
export type ImportCountsView = { rows: number; create: number; update: number; unchanged: number; skip: number };

export type ImportEvent =
  | { type: "upload"; percent: number }
  | { type: "progress"; phase: "reading" }
  | { type: "progress"; phase: "checking"; done: number; total: number }
  | { type: "progress"; phase: "writing"; total: number }
  | { type: "result"; status: "refused" | "checked" | "imported"; counts: ImportCountsView; issues: ImportIssueView[]; issueCount: number }
  | { type: "error"; message: string };

export function sendImport(form: FormData, onEvent: (event: ImportEvent) => void): Promise<void> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    let read = 0;
    const drain = () => {
      const text = xhr.responseText;
      let newline = text.indexOf("\n", read);
      while (newline >= 0) {
        const line = text.slice(read, newline).trim();
        read = newline + 1;
        if (line) onEvent(JSON.parse(line) as ImportEvent);
        newline = text.indexOf("\n", read);
      }
    };
    xhr.open("POST", "/import/run");
    xhr.upload.onprogress = (e) => e.lengthComputable && onEvent({ type: "upload", percent: Math.round((100 * e.loaded) / e.total) });
    xhr.onprogress = () => xhr.status === 200 && drain();
    xhr.onload = () => {
      if (xhr.status === 200) drain();
      else {
        let message = xhr.statusText;
        try {
          message = (JSON.parse(xhr.responseText) as { message?: string }).message ?? message;
        } catch {
          // Not JSON (a proxy's error page): keep the status text.
        }
        onEvent({ type: "error", message });
      }
      resolve();
    };
    xhr.onerror = () => {
      onEvent({ type: "error", message: "network" });
      resolve();
    };
    xhr.send(form);
  });
}
