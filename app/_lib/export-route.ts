import "server-only";
import { z } from "zod";
import { getLocale, getTranslations } from "next-intl/server";
import { plainTranslator } from "@/lib/i18n/translator";
import { getCurrentUser, type SessionUser } from "@/lib/auth/current-user";
import { addressOf } from "@/lib/auth/security-log";
import { exportFormatSchema, exportPreamble, tableResponse, type PreambleFacts, type TableBody, type Translate } from "@/lib/export/table";
import { localeOrDefault } from "@/lib/i18n/locale";
import { firstValues } from "@/lib/validation/fields";
import type { UseCase } from "@/lib/use-cases/define";
import { refusalStatus, type Refusal as UseCaseRefusal } from "@/lib/use-cases/outcome";
import { readAsOf, type SearchParams } from "./as-of";

export interface ExportContext<P> {
  user: SessionUser;
  params: P;
  query: SearchParams;
  /** The past day asked for (checked as the dashboards check it), or undefined for now. */
  asOf: string | undefined;
  t: Translate;
  locale: "zh" | "en";
}

/** An invalid parameter of a download: 400 naming it. */
function invalidParameter(field: string, reason: string): Response {
  return Response.json({ error: "invalid", field, reason }, { status: 400 });
}

/** A query's refusal as a download's answer (the query has logged it already). */
export function queryRefusalResponse(refusal: UseCaseRefusal): Response {
  const status = refusalStatus(refusal);
  if (refusal.kind === "invalid") return Response.json({ error: "invalid", field: refusal.fields[0]?.path ?? "", reason: refusal.fields[0]?.code ?? "invalid" }, { status: 400 });
  if (status === 401) return Response.json({ error: "unauthenticated" }, { status: 401 });
  return status === 403 ? Response.json({ error: "forbidden" }, { status: 403 }) : Response.json({ error: "not_found" }, { status: 404 });
}

/** A table ready to write, and what its preamble says besides the "as of" day. */
export interface ExportedTable extends TableBody, Omit<PreambleFacts, "asOf"> {}

interface ExportRouteSpec<P, D, K extends string> {
  /** The route's pattern, for the refusal log. */
  route: string;
  /**
   * What every table of the page needs, loaded once: a query of lib/use-cases (which checks the reader
   * may see this scope and logs a refusal itself) with its input from the request.
   */
  load: { query: UseCase<D>; input: (ctx: ExportContext<P>) => unknown };
  /** The page's tables by their `?table=` name; the first one is the default. */
  tables: Record<K, (data: D, ctx: ExportContext<P>) => ExportedTable>;
}

/**
 * A GET handler serving a dashboard's tables as CSV or XLSX, in the order every route must keep:
 * who is this, are the parameters valid, may this user see this scope, then the table and its file.
 */
export function exportRoute<P extends Record<string, string>, D, K extends string>(spec: ExportRouteSpec<P, D, K>) {
  const names = Object.keys(spec.tables) as [K, ...K[]];
  const querySchema = z.object({ format: exportFormatSchema, table: z.enum(names).default(names[0]) });
  return async function GET(request: Request, context: { params: Promise<P> }): Promise<Response> {
    const user = await getCurrentUser();
    if (!user) return Response.json({ error: "unauthenticated" }, { status: 401 });
    const query: SearchParams = Object.fromEntries(new URL(request.url).searchParams);
    const asOfView = readAsOf(query);
    if (asOfView.error) return invalidParameter("asOf", asOfView.error);
    const parsed = querySchema.safeParse(firstValues(query, ["format", "table"]));
    if (!parsed.success) return invalidParameter(String(parsed.error.issues[0]?.path[0] ?? ""), "invalid");
    const t: Translate = plainTranslator(await getTranslations());
    const ctx: ExportContext<P> = { user, params: await context.params, query, asOf: asOfView.asOf, t, locale: localeOrDefault(await getLocale()) };
    const outcome = await spec.load.query.execute({ actor: { via: "session" }, route: spec.route, method: "GET", address: addressOf(request.headers) }, spec.load.input(ctx));
    if (!outcome.ok) return queryRefusalResponse(outcome.refusal);
    const table = spec.tables[parsed.data.table as K](outcome.value, ctx);
    const preamble = exportPreamble(t, { ...table, asOf: ctx.asOf });
    const fileStem = `${table.name}-${ctx.asOf ?? table.today}`;
    return tableResponse({ name: table.name, preamble, header: table.header, rows: table.rows }, fileStem, parsed.data.format);
  };
}
