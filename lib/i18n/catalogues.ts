import en from "@/messages/en.json" with { type: "json" };
import zhCN from "@/messages/zh-CN.json" with { type: "json" };
import type { Locale } from "./locales";

// One catalogue per language (messages/<locale>.json), bundled: the portal, the worker's webhook texts and the API's
// error texts read the same words. messages/GLOSSARY.md keeps the Chinese terms consistent.

export type Messages = typeof en;

const catalogues: Record<Locale, Messages> = { en, "zh-CN": zhCN };

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}
