import { describe, expect, it } from "vitest";
import { CheckList } from "./check-list";
import type { DryRunResult } from "./dry-run-exposure";
import { planInWords } from "./plan-in-words";
import { buildResourcePolicy } from "../../resource-policy";

// The API's machine clients (the CLI) read a plan's texts as strings, as they did before plans were stored as keys.

function planWithBlocker(): DryRunResult {
  const checks = new CheckList();
  checks.add(
    "remoteIps.routed",
    "blocker",
    { key: "dryRun.remoteIps.unrouted", values: { targets: "192.168.77.10 (subnet-1)" } },
    { key: "dryRun.remoteIps.unroutedFix" },
  );
  checks.add("remoteIps.private", "pass", { key: "dryRun.remoteIps.allPrivate" });
  return {
    steps: [],
    checks: checks.checks,
    resourcePolicy: buildResourcePolicy(["vpce-0123456789abcdef0"]),
    quotas: [],
    placement: { hubId: "h1", hubLabel: "platform-hub (111111111111)", reason: "chosen by the requester." },
    criticalPathMs: 0,
    evaluatedAt: "2026-12-05T10:00:00.000Z",
  };
}

describe("a plan in words", () => {
  it("gives every check its message and fix as a string in the asked language, and keeps the rest", () => {
    const english = planInWords(planWithBlocker(), "en");
    expect(english.checks).toEqual([
      {
        id: "remoteIps.routed",
        status: "blocker",
        message: "The hub route tables have no route to 192.168.77.10 (subnet-1).",
        fix: "Add a route for the remote network to the transit gateway or virtual private gateway in the hub subnets' route tables.",
      },
      { id: "remoteIps.private", status: "pass", message: "Every IP is in a private range." },
    ]);
    expect(english.placement?.reason).toBe("chosen by the requester.");
    expect(planInWords(planWithBlocker(), "zh-CN").checks[1]?.message).toBe("所有 IP 都在私有地址范围内。");
  });
});
