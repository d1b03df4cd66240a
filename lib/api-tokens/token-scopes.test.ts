import { describe, expect, it } from "vitest";
import { tokenScopes } from "./token-scopes";
import { locales } from "@/lib/i18n/locales";
import { translate } from "@/lib/i18n/translate";

// The catalogue writes the scopes out (a schema's message carries no values): it must keep up with the list.
describe("the token scopes in words", () => {
  it.each(locales)("the unknown-scope message names every scope (%s)", (locale) => {
    const text = translate({ key: "validation.tokens.unknownScope" }, locale);
    for (const scope of tokenScopes) expect(text).toContain(scope);
  });

  it.each(locales)("every scope has a description on the settings page (%s)", (locale) => {
    for (const scope of tokenScopes)
      expect(translate({ key: `tokens.scopeDescriptions.${scope}` }, locale)).not.toContain("scopeDescriptions");
  });
});
