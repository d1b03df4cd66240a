import { describe, expect, it } from "vitest";
import { fixOf, storedFix } from "./stored-fix";
import { translate } from "@/lib/i18n/translate";
import { isTranslatable } from "@/lib/i18n/translatable";

// A failed step keeps its fix in English (as before) and as a catalogue key, so the request page can say it in the
// reader's language while the CLI, the logs and errors stored before keep reading English.

const shown = (fix: ReturnType<typeof fixOf>, locale: "en" | "zh-CN") =>
  isTranslatable(fix) ? translate(fix, locale) : fix;

describe("a stored fix", () => {
  it("keeps the English sentence unchanged beside its key and values", () => {
    const stored = storedFix({
      key: "failures.fix.zoneMismatch",
      values: { hubZones: "euw1-az1, euw1-az2", serviceZones: "euw1-az3" },
    });
    expect(stored).toEqual({
      fix: "Enable the application NLB in a zone of the hub (euw1-az1, euw1-az2: SetSubnets with its current subnets plus one there), or add a hub subnet in euw1-az3; then retry from this step.",
      fixKey: "failures.fix.zoneMismatch",
      fixValues: { hubZones: "euw1-az1, euw1-az2", serviceZones: "euw1-az3" },
    });
  });

  it("reads in Chinese for a Chinese reader", () => {
    const stored = storedFix({ key: "failures.fix.accessDenied" });
    expect(stored).not.toHaveProperty("fixValues");
    expect(shown(fixOf(stored), "zh-CN")).toBe(
      "为该账户的 Gatehouse 角色授予缺少的操作权限，重新校验该账户，然后从此步骤重试。",
    );
  });

  it("shows a fix stored before it had a key as the English it is", () => {
    const before = { fix: "Fix the cause named in the AWS error, then retry from this step." };
    expect(shown(fixOf(before), "zh-CN")).toBe(before.fix);
    expect(fixOf(null)).toBeUndefined();
  });
});
