import { getTranslations } from "next-intl/server";
import { changedFields, formatAuditValue, type FieldChange } from "@/lib/domain/audit-diff";

/** Changes shown in full; the rest fold away so one long create does not stretch the table. */
const SHOWN = 4;

function ChangeList({ changes }: { changes: FieldChange[] }) {
  return (
    <ul className="small">
      {changes.map((c) => (
        <li key={c.field}>
          <code>{c.field}</code>: {formatAuditValue(c.before)} → {formatAuditValue(c.after)}
        </li>
      ))}
    </ul>
  );
}

/** "field: old → new" for each field an audit entry changed. Read-only: nothing here can alter an entry. */
export async function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const t = await getTranslations("audit");
  const changes = changedFields(before, after);
  if (changes.length === 0) return <span className="muted small">{t("noChanges")}</span>;
  const rest = changes.slice(SHOWN);
  return (
    <>
      <ChangeList changes={changes.slice(0, SHOWN)} />
      {rest.length > 0 && (
        <details className="small">
          <summary>{t("moreChanges", { count: rest.length })}</summary>
          <ChangeList changes={rest} />
        </details>
      )}
    </>
  );
}
