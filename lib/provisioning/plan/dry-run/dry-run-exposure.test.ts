import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  DescribeLoadBalancersCommand,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { CreateVpcEndpointServiceConfigurationCommand, DescribeSubnetsCommand } from "@aws-sdk/client-ec2";
import { STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkTextIn } from "./check-list";
import { dryRunExposure, type DryRunResult } from "./dry-run-exposure";
import type { Exposure, Hub } from "../exposure";
import { createClientFactory, type ClientFactory } from "@/lib/aws/client-factory";
import { assumeDemoRole, demoRoles } from "@/simulator/testing/demo-roles";
import { discoverHub } from "@/simulator/testing/link-chain";
import { applicationAccount, clientsFor, region } from "@/simulator/testing/sim-fixture";
import { startSimulator, type RunningSimulator } from "@/simulator/server";

// The dry run against the simulator's demo landscape through the real roles: the demo NLB and the ledger service pass;
// each way a request can be wrong is a named blocker, and nothing is created.

let sim: RunningSimulator;
let clients: ClientFactory;
let hub: Hub;
let demoNlbArn: string;
const previousEndpoint = process.env.AWS_ENDPOINT_URL;
const platform = {
  accountId: demoRoles.platform.accountId,
  roleArn: `arn:aws:iam::${demoRoles.platform.accountId}:role/GatehouseProvisioner`,
  externalId: demoRoles.platform.externalId,
  region,
};
const application = {
  accountId: demoRoles.application.accountId,
  roleArn: `arn:aws:iam::${demoRoles.application.accountId}:role/GatehouseProvisioner`,
  externalId: demoRoles.application.externalId,
  region,
};

beforeAll(async () => {
  sim = await startSimulator({ profile: "instant" });
  process.env.AWS_ENDPOINT_URL = sim.url;
  clients = createClientFactory({ sts: new STSClient({ region, credentials: sim.portalCredentials }) });
  const found = await discoverHub(await assumeDemoRole(sim, demoRoles.platform));
  hub = {
    accountId: platform.accountId,
    region,
    vpcId: found.vpcId,
    subnetIds: found.subnetIds,
    securityGroupIds: [found.securityGroupId],
    executeApiEndpointId: found.executeApiEndpointId,
    linkMode: "v1",
  };
  const app = await assumeDemoRole(sim, demoRoles.application);
  const { LoadBalancers } = await app.elb.send(
    new DescribeLoadBalancersCommand({ Names: ["k8s-payments-checkout-5f2a9c1e7b"] }),
  );
  demoNlbArn = LoadBalancers?.[0]?.LoadBalancerArn ?? "";
});

afterAll(async () => {
  process.env.AWS_ENDPOINT_URL = previousEndpoint;
  await sim.close();
});

const nlbExposure = (overrides: Partial<{ loadBalancerArn: string; port: number }> = {}): Exposure => ({
  requestId: "req-dry-run",
  apiName: "checkout",
  stageName: "prod",
  source: {
    kind: "crossAccountNlb",
    accountId: application.accountId,
    loadBalancerArn: demoNlbArn,
    port: 80,
    ...overrides,
  },
});

const remoteExposure = (ips: string[]): Exposure => ({
  requestId: "req-dry-run-b",
  apiName: "ledger",
  stageName: "prod",
  source: { kind: "remoteNetwork", networkName: "datacenter-frankfurt", ips, port: 8080 },
});

const statusOf = (result: DryRunResult, id: string) => result.checks.find((check) => check.id === id)?.status;
/** A check's message or fix as an English reader sees it. */
const english = (result: DryRunResult, id: string, part: "message" | "fix" = "message") =>
  checkTextIn(result.checks.find((check) => check.id === id)?.[part] ?? "", "en");
const blockers = (result: DryRunResult) =>
  result.checks.filter((check) => check.status === "blocker").map((check) => check.id);

/** Every resource in every account, by kind (access keys from AssumeRole are not resources). */
function resourceCounts(): Record<string, number> {
  const counts = Object.entries(sim.runtime.world.data.collections).map(
    ([kind, items]) => [kind, Object.keys(items).length] as const,
  );
  return Object.fromEntries(counts.filter(([, count]) => count > 0));
}

/** A load balancer of the given kind in the payments VPC, listening on port 80. */
async function extraLoadBalancer(
  name: string,
  type: "application" | "network",
  scheme: "internal" | "internet-facing",
): Promise<string> {
  const admin = clientsFor(sim, applicationAccount);
  const { Subnets } = await admin.ec2.send(
    new DescribeSubnetsCommand({ Filters: [{ Name: "tag:Name", Values: ["eks-private-a", "eks-private-b"] }] }),
  );
  const { LoadBalancers } = await admin.elb.send(
    new CreateLoadBalancerCommand({
      Name: name,
      Type: type,
      Scheme: scheme,
      Subnets: Subnets?.map((subnet) => subnet.SubnetId ?? ""),
    }),
  );
  const arn = LoadBalancers?.[0]?.LoadBalancerArn ?? "";
  const { TargetGroups } = await admin.elb.send(
    new CreateTargetGroupCommand({
      Name: `${name}-tg`,
      Protocol: type === "network" ? "TCP" : "HTTP",
      Port: 80,
      VpcId: LoadBalancers?.[0]?.VpcId,
      TargetType: "ip",
    }),
  );
  await admin.elb.send(
    new CreateListenerCommand({
      LoadBalancerArn: arn,
      Protocol: type === "network" ? "TCP" : "HTTP",
      Port: 80,
      DefaultActions: [{ Type: "forward", TargetGroupArn: TargetGroups?.[0]?.TargetGroupArn }],
    }),
  );
  return arn;
}

describe("the dry run of scenario A (the application account's NLB)", () => {
  it("passes for the demo NLB and creates nothing", async () => {
    const before = resourceCounts();
    const result = await dryRunExposure({ clients, exposure: nlbExposure(), hub, platform, application });
    expect(blockers(result)).toEqual([]);
    for (const id of [
      "loadBalancer.found",
      "loadBalancer.type",
      "loadBalancer.scheme",
      "loadBalancer.state",
      "loadBalancer.listener",
      "loadBalancer.endpointService",
      "availabilityZones",
      "permission.createEndpointService",
      "permission.createInterfaceEndpoint",
      "quota.vpcLinks",
      "quota.loadBalancers",
    ]) {
      expect(statusOf(result, id), id).toBe("pass");
    }
    expect(result.steps.map((step) => step.id)).toContain("endpointService.create");
    expect(result.resourcePolicy.Statement[0].Condition.StringNotEquals["aws:SourceVpce"]).toEqual([
      hub.executeApiEndpointId,
    ]);
    expect(result.quotas).toContainEqual({
      kind: "vpcLinksV1",
      name: "REST (V1) VPC links per Region",
      used: 0,
      adds: 1,
      limit: 20,
    });
    // The endpoint wait overlaps the NLB wait; the V1 link waits for the NLB, then for itself: two waits, not three.
    expect(result.criticalPathMs).toBeGreaterThanOrEqual(6 * 60_000);
    expect(result.criticalPathMs).toBeLessThan(9 * 60_000);
    expect(resourceCounts()).toEqual(before);
  });

  it("blocks a port the NLB does not listen on and names the ports it does", async () => {
    const result = await dryRunExposure({ clients, exposure: nlbExposure({ port: 8443 }), hub, platform, application });
    expect(blockers(result)).toEqual(["loadBalancer.listener"]);
    expect(english(result, "loadBalancer.listener", "fix")).toBe("Pick one of the listener ports: 80.");
  });

  it("blocks an application load balancer and an internet-facing one", async () => {
    const alb = await dryRunExposure({
      clients,
      exposure: nlbExposure({ loadBalancerArn: await extraLoadBalancer("checkout-alb", "application", "internal") }),
      hub,
      platform,
      application,
    });
    expect(blockers(alb)).toEqual(["loadBalancer.type"]);
    const facing = await dryRunExposure({
      clients,
      exposure: nlbExposure({
        loadBalancerArn: await extraLoadBalancer("checkout-public", "network", "internet-facing"),
      }),
      hub,
      platform,
      application,
    });
    expect(blockers(facing)).toEqual(["loadBalancer.scheme"]);
  });

  it("blocks an NLB that backs someone else's endpoint service, and shares the one Gatehouse made for an earlier exposure", async () => {
    const admin = clientsFor(sim, applicationAccount);
    const shareWith = async (name: string, tags: { Key: string; Value: string }[]) => {
      const loadBalancerArn = await extraLoadBalancer(name, "network", "internal");
      await admin.ec2.send(
        new CreateVpcEndpointServiceConfigurationCommand({
          NetworkLoadBalancerArns: [loadBalancerArn],
          ...(tags.length > 0 ? { TagSpecifications: [{ ResourceType: "vpc-endpoint-service", Tags: tags }] } : {}),
        }),
      );
      return dryRunExposure({ clients, exposure: nlbExposure({ loadBalancerArn }), hub, platform, application });
    };
    const foreign = await shareWith("checkout-shared-by-hand", []);
    expect(blockers(foreign)).toEqual(["loadBalancer.endpointService"]);
    const gatehouses = await shareWith("checkout-shared-by-gh", [{ Key: "gatehouse:managed", Value: "true" }]);
    expect(blockers(gatehouses)).toEqual([]);
    expect(english(gatehouses, "loadBalancer.endpointService")).toMatch(/will share/);
  });

  it("blocks a load balancer that does not exist, and an account whose role lacks the actions", async () => {
    const missing = await dryRunExposure({
      clients,
      exposure: nlbExposure({ loadBalancerArn: demoNlbArn.replace(/\/[0-9a-f]+$/, "/0000000000000000") }),
      hub,
      platform,
      application,
    });
    expect(blockers(missing)).toEqual(["loadBalancer.found"]);
    const wrongRole = await dryRunExposure({
      clients,
      exposure: nlbExposure(),
      hub,
      platform,
      application: { ...application, externalId: "not-the-external-id" },
    });
    expect(blockers(wrongRole)).toContain("loadBalancer.found");
  });
});

describe("the dry run of scenario B (another network by IP)", () => {
  it("passes for the ledger service, routed over the transit gateway", async () => {
    const result = await dryRunExposure({ clients, exposure: remoteExposure(["10.50.12.34"]), hub, platform });
    expect(blockers(result)).toEqual([]);
    expect(english(result, "remoteIps.routed")).toMatch(/10\.50\.0\.0\/16 via tgw-/);
    expect(result.steps.map((step) => step.id)).not.toContain("endpointService.create");
  });

  it("blocks a public IP and an IP no hub route table reaches", async () => {
    const publicIp = await dryRunExposure({ clients, exposure: remoteExposure(["8.8.8.8"]), hub, platform });
    expect(statusOf(publicIp, "remoteIps.private")).toBe("blocker");
    const unrouted = await dryRunExposure({
      clients,
      exposure: remoteExposure(["10.50.12.34", "192.168.7.10"]),
      hub,
      platform,
    });
    expect(blockers(unrouted)).toEqual(["remoteIps.routed"]);
    expect(english(unrouted, "remoteIps.routed")).toContain("no route to 192.168.7.10");
    expect(english(unrouted, "remoteIps.routed")).not.toContain("10.50.12.34");
    expect(checkTextIn(unrouted.checks.find((check) => check.id === "remoteIps.routed")?.fix ?? "", "zh-CN")).toBe(
      "在中心子网的路由表中，为远程网络添加指向中转网关或虚拟私有网关的路由。",
    );
  });
});
