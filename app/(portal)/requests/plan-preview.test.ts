import { NextIntlClientProvider } from "next-intl";
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PlanPreview } from "./plan-preview";
import { messagesFor } from "@/lib/i18n/catalogues";
import { formats, timeZone } from "@/lib/i18n/formats";
import type { Locale } from "@/lib/i18n/locales";
import { checkChinaApiGateway } from "@/lib/provisioning/plan/dry-run/check-china-regions";
import { CheckList } from "@/lib/provisioning/plan/dry-run/check-list";
import type { DryRunResult } from "@/lib/provisioning/plan/dry-run/dry-run-exposure";
import type { Exposure, Hub } from "@/lib/provisioning/plan/exposure";
import { planChain } from "@/lib/provisioning/plan/plan-chain";
import { buildResourcePolicy } from "@/lib/provisioning/resource-policy";

// The plan as a requester or an approver reads it: stored as catalogue keys, it reads in the reader's language; a plan
// stored before the portal spoke two languages (plain English) still reads as it was written.

const hub: Hub = {
  accountId: "311111111111",
  region: "cn-north-1",
  vpcId: "vpc-1",
  subnetIds: ["subnet-1", "subnet-2"],
  securityGroupIds: ["sg-1"],
  executeApiEndpointId: "vpce-0123456789abcdef0",
  linkMode: "v1",
};

function chinaPlan(): DryRunResult {
  const checks = new CheckList();
  checkChinaApiGateway(checks, hub);
  const exposure: Exposure = {
    requestId: "r1",
    apiName: "ledger",
    stageName: "v1",
    source: { kind: "remoteNetwork", networkName: "dc-frankfurt", ips: ["10.50.12.34"], port: 80 },
  };
  const steps = planChain(exposure, hub);
  return {
    steps,
    checks: checks.checks,
    resourcePolicy: buildResourcePolicy([hub.executeApiEndpointId]),
    quotas: [{ kind: "vpcLinksV1", name: "REST (V1) VPC links per Region", used: 3, adds: 1, limit: 20 }],
    criticalPathMs: 425_000,
    evaluatedAt: "2026-12-05T10:00:00.000Z",
  };
}

function rendered(plan: DryRunResult, locale: Locale): string {
  type ProviderProps = ComponentProps<typeof NextIntlClientProvider>;
  const provider: Omit<ProviderProps, "children"> = { locale, messages: messagesFor(locale), formats, timeZone };
  const page = createElement(NextIntlClientProvider, provider as ProviderProps, createElement(PlanPreview, { plan }));
  // The words as a reader sees them, without the markup.
  return renderToStaticMarkup(page)
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
}

describe("the plan preview", () => {
  it("tells a Chinese approver about the ICP filing (ICP 备案) and IAM authorization (IAM 授权), in Chinese", () => {
    const text = rendered(chinaPlan(), "zh-CN");
    expect(text).toContain("检查：0 个阻断项，1 个警告");
    expect(text).toContain("已完成 ICP 备案，API Gateway 才会处理不带授权的 API 请求");
    expect(text).toContain("解决方法：");
    expect(text).toContain("IAM 授权（AWS_IAM）");
    expect(text).toContain("每个区域的 REST（V1）VPC 链接：+1（之后 4/20）");
    expect(text).toContain("11 个步骤，真实 AWS 上的关键路径：约 7 分钟");
    expect(text).not.toContain("ICP filing");
  });

  it("reads the same plan in English to an English reader", () => {
    const text = rendered(chinaPlan(), "en");
    expect(text).toContain("Checks: 0 blockers, 1 warning");
    expect(text).toContain("In cn-north-1, API Gateway serves an API without authorization only if");
    expect(text).toContain("Fix: Make sure account 311111111111 has an ICP filing for cn-north-1");
    expect(text).toContain("REST (V1) VPC links per Region: +1 (4 of 20)");
    expect(text).toContain("about 7 min on real AWS (critical path)");
  });

  it("still shows a plan stored in plain English before the portal spoke two languages, as it was written", () => {
    const stored = {
      ...chinaPlan(),
      placement: { hubId: "h1", hubLabel: "platform-hub (111111111111)", reason: "chosen by the requester." },
      steps: chinaPlan().steps.map((step) => ({ ...step, title: "Internal NLB in the hub subnets" })),
      checks: [
        {
          id: "remoteIps.routed",
          status: "blocker" as const,
          message: "The hub route tables have no route to 192.168.77.10 from subnet-1.",
          fix: "Add a route for the remote network.",
        },
      ],
      quotas: [{ name: "Network Load Balancers per Region", used: 1, adds: 1, limit: 50 }],
    };
    const text = rendered(stored, "zh-CN");
    expect(text).toContain("平台中心：platform-hub (111111111111)");
    expect(text).toContain("The hub route tables have no route to 192.168.77.10 from subnet-1.");
    expect(text).toContain("解决方法：Add a route for the remote network.");
    expect(text).toContain("Internal NLB in the hub subnets");
    expect(text).toContain("Network Load Balancers per Region：+1（之后 2/50）");
  });
});
