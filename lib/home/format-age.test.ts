import { describe, expect, it } from "vitest";
import { ageMessage } from "./format-age";
import { translate } from "@/lib/i18n/translate";

describe("ageMessage", () => {
  const now = new Date("2026-12-04T12:00:00Z");
  const age = (ms: number, locale: "en" | "zh-CN" = "en") =>
    translate(ageMessage(new Date(now.getTime() - ms), now), locale);

  it("reads in the largest natural unit", () => {
    expect(age(20_000)).toBe("under a minute");
    expect(age(12 * 60_000)).toBe("12 min");
    expect(age(5 * 3_600_000)).toBe("5 h");
    expect(age(3 * 86_400_000 + 5)).toBe("3 days");
    expect(age(49 * 3_600_000)).toBe("2 days");
  });

  it("reads the same ages in Chinese", () => {
    expect(age(20_000, "zh-CN")).toBe("不到 1 分钟");
    expect(age(12 * 60_000, "zh-CN")).toBe("12 分钟");
    expect(age(5 * 3_600_000, "zh-CN")).toBe("5 小时");
    expect(age(3 * 86_400_000 + 5, "zh-CN")).toBe("3 天");
  });
});
