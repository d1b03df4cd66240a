import { describe, expect, it } from "vitest";
import { gettingStartedSteps, setupUnfinished } from "./getting-started";
import { translate } from "@/lib/i18n/translate";

const done = (facts: Parameters<typeof gettingStartedSteps>[0]) =>
  gettingStartedSteps(facts).map((step) => [step.id, step.done]);

describe("the getting-started checklist", () => {
  it("on a fresh demo (two accounts registered, none verified, no hub, no request) nothing is ticked", () => {
    const steps = gettingStartedSteps({ accounts: 2, verifiedAccounts: 0, hubs: 0, requests: 0 });
    expect(steps.map((step) => [step.id, step.done])).toEqual([
      ["accounts", false],
      ["hub", false],
      ["request", false],
    ]);
    expect(translate(steps[0]!.detail, "en")).toBe("2 of 2 registered accounts not verified yet.");
    expect(translate(steps[0]!.detail, "zh-CN")).toBe("已注册的 2 个账户中有 2 个尚未校验。");
    expect(steps.map((step) => step.href)).toEqual(["/accounts", "/accounts/hub", "/requests"]);
    expect(setupUnfinished(steps)).toBe(true);
  });

  it("ticks each step off from the real state, and is finished only when all are", () => {
    expect(done({ accounts: 2, verifiedAccounts: 1, hubs: 0, requests: 0 })[0]).toEqual(["accounts", false]);
    expect(done({ accounts: 2, verifiedAccounts: 2, hubs: 1, requests: 0 })).toEqual([
      ["accounts", true],
      ["hub", true],
      ["request", false],
    ]);
    expect(setupUnfinished(gettingStartedSteps({ accounts: 2, verifiedAccounts: 2, hubs: 1, requests: 1 }))).toBe(
      false,
    );
  });

  it("with no account registered, verifying is not done", () => {
    expect(done({ accounts: 0, verifiedAccounts: 0, hubs: 0, requests: 0 })[0]).toEqual(["accounts", false]);
  });
});
