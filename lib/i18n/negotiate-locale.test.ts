import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./negotiate-locale";

describe("negotiateLocale", () => {
  it("prefers the saved choice, then the cookie, then the browser's languages", () => {
    expect(negotiateLocale({ savedPreference: "zh-CN", cookie: "en", acceptLanguage: "en" })).toBe("zh-CN");
    expect(negotiateLocale({ savedPreference: null, cookie: "zh-CN", acceptLanguage: "en" })).toBe("zh-CN");
    expect(negotiateLocale({ acceptLanguage: "zh-CN,zh;q=0.9,en;q=0.8" })).toBe("zh-CN");
    expect(negotiateLocale({ acceptLanguage: "en-GB,en;q=0.9,zh;q=0.5" })).toBe("en");
  });

  it("reads any Chinese as Simplified Chinese and weighs q-values", () => {
    for (const header of ["zh", "zh-Hans-CN", "zh-SG", "zh-TW", "fr;q=0.5, zh-hans;q=0.9"])
      expect(negotiateLocale({ acceptLanguage: header }), header).toBe("zh-CN");
  });

  it("falls back to English for other languages, nothing, garbage and unknown saved values", () => {
    expect(negotiateLocale({ acceptLanguage: "de-DE,fr;q=0.8" })).toBe("en");
    expect(negotiateLocale({})).toBe("en");
    expect(negotiateLocale({ acceptLanguage: "%%%,;q=x" })).toBe("en");
    expect(negotiateLocale({ savedPreference: "fr", cookie: "klingon" })).toBe("en");
  });
});
