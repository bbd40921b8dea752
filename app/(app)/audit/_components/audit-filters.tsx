import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/lib/validation/form-state";
import { FormMessage, SelectField, TextField } from "@/app/_components/form-fields";
import { messageKey } from "@/lib/i18n/translator";

type Option = { value: string; label: string };

/** A GET form: the filters live in the address, so a filtered view can be bookmarked and shared. */
export async function AuditFilters({ state, centres, actors, actions }: { state: FormState; centres: Option[]; actors: Option[]; actions: readonly string[] }) {
  const t = await getTranslations();
  const value = (name: string) => (typeof state.values?.[name] === "string" ? (state.values[name] as string) : "");
  return (
    <form method="get" className="form" role="search" aria-label={t("audit.filters")} noValidate>
      {/* Centre and user names are long: each select gets the full width rather than a grid column. */}
      <SelectField name="centre" label={t("audit.centre")} state={state} defaultValue={value("centre")} options={centres} emptyLabel={t("common.all")} />
      <SelectField name="user" label={t("audit.user")} state={state} defaultValue={value("user")} options={actors} emptyLabel={t("common.all")} />
      <div className="field-row">
        <SelectField
          name="action"
          label={t("audit.action")}
          state={state}
          defaultValue={value("action")}
          options={actions.map((a) => ({ value: a, label: t(messageKey(`audit.actions.${a}`)) }))}
          emptyLabel={t("common.all")}
        />
        <TextField name="from" type="date" label={t("audit.from")} state={state} defaultValue={value("from")} />
        <TextField name="to" type="date" label={t("audit.to")} state={state} defaultValue={value("to")} />
      </div>
      <FormMessage state={state} />
      <div>
        <button type="submit" className="primary">
          {t("common.filter")}
        </button>{" "}
        <Link href="/audit">{t("audit.clear")}</Link>
      </div>
    </form>
  );
}
