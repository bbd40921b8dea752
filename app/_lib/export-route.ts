import "server-only";
import { z } from "zod";
import { getLocale, getTranslations } from "next-intl/server";
import { getCurrentUser, type SessionUser } from "@/lib/auth/current-user";
import { addressOf, logRefusal } from "@/lib/auth/security-log";
import { exportFormatSchema, exportPreamble, tableResponse, type PreambleFacts, type TableBody, type Translate } from "@/lib/export/table";
import { localeOrDefault } from "@/lib/i18n/locale";
import { firstValues } from "@/lib/validation/fields";
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

/** Why a download is refused: 403 is logged like a page's refusal; 404 says nothing about what exists (logged when a reason is given); 400 names the field. */
export type Refusal = { refused: 403 | 404; reason?: string; target?: string } | { refused: 400; field: string; reason: string };

export const refuse = {
  forbidden: (reason: string, target?: string): Refusal => ({ refused: 403, reason, target }),
  /** Unknown, or out of the reader's scope (logged with a reason): the same answer, so ids cannot be probed. */
  notFound: (reason?: string, target?: string): Refusal => ({ refused: 404, reason, target }),
  invalid: (field: string, reason: string): Refusal => ({ refused: 400, field, reason }),
};

function isRefusal(value: unknown): value is Refusal {
  return typeof value === "object" && value !== null && "refused" in value;
}

export function refusalResponse(refusal: Refusal, user: SessionUser, route: string, request?: Request): Response {
  if (refusal.refused === 400) return Response.json({ error: "invalid", field: refusal.field, reason: refusal.reason }, { status: 400 });
  if (refusal.reason !== undefined) logRefusal({ userId: user.id, route, target: refusal.target, reason: refusal.reason, method: "GET", address: request ? addressOf(request.headers) : null });
  return refusal.refused === 403 ? Response.json({ error: "forbidden" }, { status: 403 }) : Response.json({ error: "not_found" }, { status: 404 });
}

/** A table ready to write, and what its preamble says besides the "as of" day. */
export interface ExportedTable extends TableBody, Omit<PreambleFacts, "asOf"> {}

interface ExportRouteSpec<P, D, K extends string> {
  /** The route's pattern, for the refusal log. */
  route: string;
  /** Checks the reader may see this scope and loads what every table of the page needs, once. */
  load: (ctx: ExportContext<P>) => D | Refusal;
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
    if (asOfView.error) return refusalResponse(refuse.invalid("asOf", asOfView.error), user, spec.route);
    const parsed = querySchema.safeParse(firstValues(query, ["format", "table"]));
    if (!parsed.success) return refusalResponse(refuse.invalid(String(parsed.error.issues[0]?.path[0] ?? ""), "invalid"), user, spec.route);
    const t: Translate = await getTranslations();
    const ctx: ExportContext<P> = { user, params: await context.params, query, asOf: asOfView.asOf, t, locale: localeOrDefault(await getLocale()) };
    const data = spec.load(ctx);
    if (isRefusal(data)) return refusalResponse(data, user, spec.route, request);
    const table = spec.tables[parsed.data.table as K](data, ctx);
    const preamble = exportPreamble(t, { ...table, asOf: ctx.asOf });
    const fileStem = `${table.name}-${ctx.asOf ?? table.today}`;
    return tableResponse({ name: table.name, preamble, header: table.header, rows: table.rows }, fileStem, parsed.data.format);
  };
}
