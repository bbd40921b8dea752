import type { createTranslator, Messages } from "next-intl";

// With typed messages (global.d.ts), a literal key missing from the messages fails tsc. Keys built at run
// time from a code (a risk code, an audit action, a validation reason) cannot be checked by the compiler:
// they go through `messageKey`, and the tests that walk the registries and vocabularies check every one
// exists in both languages (lib/registry/registry-messages.test.ts, lib/i18n/messages.test.ts).

/** The translator of the whole message tree, as getTranslations() and useTranslations() give it. */
export type AppTranslator = ReturnType<typeof createTranslator<Messages, never>>;

/** Any key of the message tree, dot-separated. */
export type MessageKey = Parameters<AppTranslator>[0];

/** A key built at run time from a code: checked by the message tests, not by the compiler. */
export function messageKey(key: string): MessageKey {
  return key as MessageKey;
}

/** A translator taking keys as plain strings: what the export, report and import-message builders take. */
export interface PlainTranslator {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/** The typed translator as a PlainTranslator. */
export function plainTranslator(t: AppTranslator): PlainTranslator {
  return Object.assign((key: string, values?: Record<string, string | number>) => t(messageKey(key), values), { has: (key: string) => t.has(messageKey(key)) });
}
