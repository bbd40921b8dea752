import { getLocale } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { provinceOptions } from "@/lib/use-cases/centres/centre-forms";

/** The 34 divisions as select options, named in the reader's language. */
export async function provinceSelectOptions() {
  return pageData("provinceSelectOptions", provinceOptions, { locale: await getLocale() });
}
