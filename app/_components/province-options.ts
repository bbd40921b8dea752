import { getLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { listProvinceOptions } from "@/db/provinces";
import { localName } from "@/lib/i18n/locale";

/** The 34 divisions as select options, named in the reader's language. */
export async function provinceSelectOptions() {
  const locale = await getLocale();
  return listProvinceOptions(getDb()).map((p) => ({ value: p.code, label: `${localName(locale, p)} (${p.code})` }));
}
