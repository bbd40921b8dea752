import type messages from "./lib/i18n/messages/zh.json";

// Typed messages: a key missing from the Chinese messages (the reference file) fails tsc.
declare module "next-intl" {
  interface AppConfig {
    Locale: "zh" | "en";
    Messages: typeof messages;
  }
}
