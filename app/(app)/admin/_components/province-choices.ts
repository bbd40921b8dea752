import { localName } from "@/lib/i18n/locale";

/** The divisions as select options, named in the reader's language with their code. */
export function provinceChoices(provinces: readonly { code: string; nameZh: string; nameEn: string }[], locale: string) {
  return provinces.map((p) => ({ value: p.code, label: `${localName(locale, p)} (${p.code})` }));
}
