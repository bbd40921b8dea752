import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/app/actions";
import { LOCALES } from "@/lib/domain/vocabulary";

const LABELS = { zh: "中文", en: "English" } as const;

/** Two plain form buttons: works without JavaScript and from every page. */
export async function LanguageSwitch() {
  const locale = await getLocale();
  const t = await getTranslations("common");
  return (
    <form action={setLocaleAction} className="language-switch" aria-label={t("language")}>
      {LOCALES.map((l) => (
        <button key={l} type="submit" name="locale" value={l} aria-pressed={l === locale} lang={l === "zh" ? "zh-CN" : "en"}>
          {LABELS[l]}
        </button>
      ))}
    </form>
  );
}
