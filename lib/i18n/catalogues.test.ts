import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";

// The two catalogues say the same things: the same keys, the same placeholders, nothing left in English, and the
// AWS China console's terms wherever the English uses the glossary's terms (messages/GLOSSARY.md).

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") found.set(path, value);
    else for (const [inner, text] of flatten(value, path)) found.set(inner, text);
  }
  return found;
}

/** The ICU arguments a message uses ({count}, {when, date, …}, plural branches' own arguments). */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type !== TYPE.literal && element.type !== TYPE.pound && "value" in element)
        names.add(String(element.value));
      if ("options" in element) for (const option of Object.values(element.options)) walk(option.value);
      if (element.type === TYPE.tag) walk(element.children);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

/** A message's own words: without its placeholders ({label}) and tags (<strong>). */
const wordsOf = (message: string) => message.replace(/\{\w+\}|<\/?\w+>/g, "");

const english = flatten(en as Tree);
const chinese = flatten(zhCN as Tree);

describe("the catalogues", () => {
  it("have the same keys in English and Chinese", () => {
    expect(
      [...chinese.keys()].filter((key) => !english.has(key)),
      "only in zh-CN.json",
    ).toEqual([]);
    expect(
      [...english.keys()].filter((key) => !chinese.has(key)),
      "only in en.json",
    ).toEqual([]);
  });

  it("use the same placeholders in both languages, in messages ICU can parse", () => {
    const differing = [...english].filter(([key, text]) => {
      const other = chinese.get(key);
      return other !== undefined && argumentsOf(text).join() !== argumentsOf(other).join();
    });
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it("leave no Chinese message empty or still in English", () => {
    const untranslated = [...chinese].filter(
      ([key, text]) =>
        text.trim() === "" || (/[a-z]{3}/i.test(wordsOf(english.get(key) ?? "")) && !/\p{Script=Han}/u.test(text)),
    );
    // A message that is only an identifier or a product name is the same in both languages.
    const sameEverywhere = /^[\p{Lu}\d\s·.:/{}#,_()-]*$|^(Gatehouse|English|简体中文|OpenAPI|Webhook|IPv4)$/u;
    expect(untranslated.filter(([, text]) => !sameEverywhere.test(text)).map(([key]) => key)).toEqual([]);
  });

  it("keep the glossary's terms: every English use of a term has one of its Chinese renderings", () => {
    const glossary = readFileSync(join(process.cwd(), "messages/GLOSSARY.md"), "utf8")
      .split("\n")
      .filter((line) => /^\| [^-E]/.test(line) && !line.startsWith("| English"))
      .map((line) => line.split("|").map((cell) => cell.trim()))
      .map(([, englishTerms = "", chineseTerms = ""]) => ({
        english: englishTerms.split(" / "),
        chinese: chineseTerms.split(" / "),
      }));
    expect(glossary.length).toBeGreaterThan(20);
    const breaches: string[] = [];
    for (const [key, text] of english) {
      const translated = chinese.get(key) ?? "";
      for (const term of glossary) {
        const used = term.english.some((word) => new RegExp(`\\b${word}`, "i").test(text));
        if (used && !term.chinese.some((rendering) => translated.includes(rendering)))
          breaches.push(`${key}: "${term.english.join(" / ")}" → ${term.chinese.join(" / ")}`);
      }
    }
    expect(breaches).toEqual([]);
  });
});
