import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listProvinces } from "@/db/provinces";
import { requireUser } from "@/lib/auth/current-user";
import { formatNumber } from "@/lib/domain/format";
import { readableScope } from "@/lib/domain/permissions";
import { localeOrDefault } from "@/lib/i18n/locale";
import { isSuppressed } from "@/lib/domain/risk/flag-review";
import { flagsInScope, getEngine, subjectNames } from "@/app/_lib/engine";
import { FlagTable } from "../_components/flag-table";
import { openFlagCounts, RollUpSummary } from "../_components/roll-up-summary";

export async function generateMetadata() {
  return { title: (await getTranslations("overview"))("title") };
}

const TOP_FLAGS = 25;

/** The national picture: roll-ups computed over every centre and target, each province's figures, the most severe open flags. */
export default async function OverviewPage() {
  const user = await requireUser();
  const scope = readableScope(user);
  // A provincial user's overview is their province's page.
  if (scope !== "all") redirect(scope === "none" ? "/provinces" : `/provinces/${scope}`);
  const t = await getTranslations();
  const locale = localeOrDefault(await getLocale());
  const engine = getEngine();
  const flags = flagsInScope(engine, user);
  const provinces = listProvinces(getDb(), "all").filter((p) => p.centreCount > 0 || p.targetCount > 0);
  const pct = (value: number | null) => (value === null ? "—" : `${formatNumber(value, locale, 1)}%`);
  const reviewedByKey = new Map(flags.map((f) => [f.flag.key, f]));
  // The same "open" as the counts: everything but standing dismissals and justifications.
  const open = flags.filter((f) => !isSuppressed(f.state));
  return (
    <>
      <h1>{t("overview.title")}</h1>
      <p className="lead">{t("overview.lead", { today: engine.today })}</p>
      <RollUpSummary completion={engine.completion.national} targets={engine.targetRollUp.national} flags={flags} />

      <section aria-labelledby="provinces-heading">
        <h2 id="provinces-heading">{t("overview.byProvince")}</h2>
        <table className="data-table" data-testid="province-roll-up">
          <caption className="visually-hidden">{t("overview.byProvince")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("provinces.name")}</th>
              <th scope="col" className="num">
                {t("provinces.centres")}
              </th>
              <th scope="col" className="num">
                {t("progress.meanCompletion")}
              </th>
              <th scope="col" className="num">
                {t("progress.budgetWeightedCompletion")}
              </th>
              <th scope="col">{t("progress.targetsHeading")}</th>
              <th scope="col">{t("progress.openFlags")}</th>
            </tr>
          </thead>
          <tbody>
            {provinces.map((p) => {
              const completion = engine.completion.provinces[p.code]!;
              const targets = engine.targetRollUp.provinces[p.code]!;
              const counts = openFlagCounts((engine.flagsByProvince.get(p.code) ?? []).map((flag) => reviewedByKey.get(flag.key)!));
              return (
                <tr key={p.code}>
                  <td>
                    <Link href={`/provinces/${p.code}`}>{locale === "zh" ? p.nameZh : p.nameEn}</Link>
                  </td>
                  <td className="num">{completion.centres}</td>
                  <td className="num">{pct(completion.meanPct)}</td>
                  <td className="num">{pct(completion.budgetWeightedPct)}</td>
                  <td>{t("progress.targetCounts", { met: targets.met, onTrack: targets.onTrack, atRisk: targets.atRisk, red: targets.red, unmeasured: targets.unmeasured, total: targets.targets })}</td>
                  <td>
                    <Link href={`/flags?province=${p.code}&severity=red`} className="badge sev sev-red">
                      {t("progress.redCount", { count: counts.red })}
                    </Link>{" "}
                    <Link href={`/flags?province=${p.code}&severity=amber`} className="badge sev sev-amber">
                      {t("progress.amberCount", { count: counts.amber })}
                    </Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="flags-heading">
        <div className="section-head">
          <h2 id="flags-heading">{t("overview.topFlags", { count: Math.min(TOP_FLAGS, open.length), total: open.length })}</h2>
          <Link href="/flags">{t("risk.allFlags")}</Link>
        </div>
        <FlagTable items={open.slice(0, TOP_FLAGS)} names={subjectNames(open.slice(0, TOP_FLAGS), locale)} caption={t("risk.title")} />
      </section>
    </>
  );
}
