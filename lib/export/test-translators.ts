// For the export tests: the app's own message files, so headers are checked as the reader sees them.
import { createTranslator } from "use-intl/core";
import zh from "@/lib/i18n/messages/zh.json";
import en from "@/lib/i18n/messages/en.json";
import type { Translate } from "./table";

export const tZh = createTranslator({ locale: "zh", messages: zh }) as unknown as Translate;
export const tEn = createTranslator({ locale: "en", messages: en }) as unknown as Translate;
