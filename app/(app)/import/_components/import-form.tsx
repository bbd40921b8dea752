"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { csvWithPreamble } from "@/lib/export/csv";
import { IMPORT_KINDS, type ImportKind } from "@/lib/import/kinds";
import { sendImport, type ImportEvent, type ImportIssueView } from "./import-stream";

const SHOWN_ERRORS = 200;

type Result = Extract<ImportEvent, { type: "result" }>;

function templateHref(kind: ImportKind, format: "xlsx" | "csv", filled: boolean, period: string) {
  const query = new URLSearchParams({ kind, format, ...(filled && { filled: "1" }), ...(filled && kind === "updates" && { period }) });
  return `/import/template?${query}`;
}

/** Choose the data, get its template, upload; progress and every error are shown here. */
export function ImportForm({ periods, defaultPeriod }: { periods: { code: string; label: string }[]; defaultPeriod: string }) {
  const t = useTranslations("import");
  const [kind, setKind] = useState<ImportKind>("centres");
  const [period, setPeriod] = useState(defaultPeriod);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [progress, setProgress] = useState<number | undefined>(undefined);
  const [result, setResult] = useState<Result | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);

  function onEvent(event: ImportEvent) {
    if (event.type === "upload") {
      setStatus(t("uploading", { percent: event.percent }));
      setProgress(event.percent / 2);
    } else if (event.type === "progress") {
      if (event.phase === "reading") setStatus(t("reading"));
      if (event.phase === "checking") {
        setStatus(t("checking", { done: event.done, total: event.total }));
        setProgress(50 + (45 * event.done) / Math.max(1, event.total));
      }
      if (event.phase === "writing") {
        setStatus(t("writing", { total: event.total }));
        setProgress(95);
      }
    } else if (event.type === "result") {
      setResult(event);
      setProgress(100);
    } else setFailure(event.message);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.value === "check") form.set("dryRun", "1");
    setBusy(true);
    setResult(undefined);
    setFailure(undefined);
    setProgress(0);
    await sendImport(form, onEvent);
    setBusy(false);
    setStatus("");
  }

  function downloadErrors(issues: readonly ImportIssueView[]) {
    const csv = csvWithPreamble([], [t("row"), t("column"), t("value"), t("reason")], issues.map((i) => [i.row, i.column, i.value, i.message]));
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    link.download = `${t("errorsFile")}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  return (
    <form className="form import-form" onSubmit={onSubmit} aria-labelledby="import-title">
      <h2 id="import-title" className="visually-hidden">{t("title")}</h2>
      <fieldset>
        <legend>{t("kind")}</legend>
        {IMPORT_KINDS.map((k) => (
          <label key={k} className="choice">
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {t(`kinds.${k}`)}
          </label>
        ))}
        <p className="hint">{t(`kindLead.${kind}`)}</p>
      </fieldset>
      {kind === "updates" && (
        <>
          <label>
            {t("period")}
            <select name="period" value={period} onChange={(e) => setPeriod(e.target.value)}>
              {periods.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
          <label className="choice">
            <input type="checkbox" name="submit" value="1" /> {t("submit")}
          </label>
        </>
      )}
      <section aria-labelledby="templates-title">
        <h2 id="templates-title">{t("templates")}</h2>
        <ul className="inline-list">
          <li>
            {t("emptyTemplate")}: <a href={templateHref(kind, "xlsx", false, period)}>XLSX</a> · <a href={templateHref(kind, "csv", false, period)}>CSV</a>
          </li>
          <li>
            {t("filledTemplate")}: <a href={templateHref(kind, "xlsx", true, period)}>XLSX</a> · <a href={templateHref(kind, "csv", true, period)}>CSV</a>
          </li>
        </ul>
      </section>
      <label>
        {t("file")}
        <input type="file" name="file" required accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" />
      </label>
      <div className="button-row">
        <button type="submit" name="action" value="check" disabled={busy}>
          {t("check")}
        </button>
        <button type="submit" name="action" value="import" className="primary" disabled={busy}>
          {t("run")}
        </button>
      </div>
      <div aria-live="polite">
        {progress !== undefined && busy && (
          <p>
            <progress max={100} value={progress} aria-label={t("progress")} /> {status}
          </p>
        )}
        {failure && (
          <p className="form-error" role="alert">
            {t("failed", { message: failure })}
          </p>
        )}
        {result && <ResultView result={result} onDownload={downloadErrors} />}
      </div>
    </form>
  );
}

function ResultView({ result, onDownload }: { result: Result; onDownload: (issues: readonly ImportIssueView[]) => void }) {
  const t = useTranslations("import");
  if (result.status !== "refused") return <p className="form-success">{t(result.status, { ...result.counts })}</p>;
  const shown = result.issues.slice(0, SHOWN_ERRORS);
  return (
    <>
      <p className="form-error">{t("refused", { count: result.issueCount })}</p>
      {result.issueCount > SHOWN_ERRORS && <p>{t("moreErrors", { shown: SHOWN_ERRORS, total: result.issueCount, listed: result.issues.length })}</p>}
      <p>
        <button type="button" onClick={() => onDownload(result.issues)}>
          {t("downloadErrors")}
        </button>
      </p>
      <div className="table-scroll">
        <table className="data-table import-errors">
          <caption>{t("errorsTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("row")}</th>
              <th scope="col">{t("column")}</th>
              <th scope="col">{t("value")}</th>
              <th scope="col">{t("reason")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((issue, i) => (
              <tr key={i}>
                <td>{issue.row ?? t("wholeFile")}</td>
                <td>{issue.column ?? (issue.row === null ? "" : t("wholeRow"))}</td>
                <td>{issue.value}</td>
                <td>{issue.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
