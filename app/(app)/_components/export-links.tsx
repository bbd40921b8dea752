import { useTranslations } from "next-intl";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/export/table";

/** A download's address: the table, its format and the view's parameters (left out when empty). */
export function exportHref(path: string, params: Record<string, string | undefined>, format: ExportFormat): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries<string | undefined>({ ...params, format })) if (value !== undefined && value !== "") query.set(key, value);
  return `${path}?${query.toString()}`;
}

/**
 * CSV and XLSX links for one table of a dashboard, carrying the page's "as of" day and filters so the
 * file holds what the page shows. Each link names its table, so a screen reader can tell them apart.
 */
export function ExportLinks({ path, params, table }: { path: string; params: Record<string, string | undefined>; table: string }) {
  const t = useTranslations("export");
  return (
    <span className="export-links no-print small">
      {t("download")}
      {EXPORT_FORMATS.map((format) => (
        <a key={format} className="button secondary" href={exportHref(path, params, format)} download aria-label={t("downloadAs", { table, format: format.toUpperCase() })}>
          {format.toUpperCase()}
        </a>
      ))}
    </span>
  );
}
