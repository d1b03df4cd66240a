import { describe, expect, it } from "vitest";
import { clientToken, loadBalancerResourceName } from "../hops/resource-names";
import type { Exposure, Hub } from "./exposure";
import { criticalPathMs, planChain, topologicalOrder } from "./plan-chain";

const hub: Hub = {
  accountId: "111111111111",
  region: "eu-west-1",
  vpcId: "vpc-0aaa",
  subnetIds: ["subnet-a", "subnet-b"],
  securityGroupIds: ["sg-1"],
  executeApiEndpointId: "vpce-0exec",
  linkMode: "v1",
};
const crossAccount: Exposure = {
  requestId: "cmwv5zi8m0003xd7d6nw1tfpv",
  apiName: "checkout",
  stageName: "prod",
  source: {
    kind: "crossAccountNlb",
    accountId: "222222222222",
    loadBalancerArn: "arn:aws:elasticloadbalancing:eu-west-1:222222222222:loadbalancer/net/checkout/abc",
    port: 80,
  },
};
const remote: Exposure = {
  ...crossAccount,
  source: { kind: "remoteNetwork", networkName: "datacenter", ips: ["10.50.12.34"], port: 8080 },
};

const ids = (exposure: Exposure, target: Hub = hub) => planChain(exposure, target).map((step) => step.id);
const dependenciesOf = (exposure: Exposure, id: string, target: Hub = hub) =>
  planChain(exposure, target).find((step) => step.id === id)?.dependsOn;

describe("planChain", () => {
  it("shows the routes step's methods: ANY / and ANY /{proxy+}, or each path and verb of the OpenAPI document", () => {
    const routesOf = (exposure: Exposure) =>
      planChain(exposure, hub).find((step) => step.id === "restApi.routes")?.inputs.methods;
    expect(routesOf(crossAccount)).toEqual(["ANY /", "ANY /{proxy+}"]);
    const openApiDocument = "openapi: 3.0.3\npaths:\n  /orders: { get: {}, post: {} }\n  /orders/{id}: { get: {} }\n";
    expect(routesOf({ ...crossAccount, openApiDocument })).toEqual(["GET /orders", "POST /orders", "GET /orders/{id}"]);
  });

  it("builds the endpoint chain in the application account for a cross-account NLB", () => {
    const plan = planChain(crossAccount, hub);
    expect(plan.filter((step) => step.accountId === "222222222222").map((step) => step.id)).toEqual([
      "endpointService.create",
      "endpointService.allowPlatform",
      "interfaceEndpoint.accept",
    ]);
    expect(dependenciesOf(crossAccount, "targets.register")).toContain("interfaceEndpoint.awaitAvailable");
  });

  it("has no application-account step for another network, and registers the remote IPs in zone all", () => {
    const plan = planChain(remote, hub);
    expect(plan.every((step) => step.accountId === hub.accountId)).toBe(true);
    expect(ids(remote)).not.toContain("endpointService.create");
    expect(plan.find((step) => step.id === "targets.register")?.inputs).toMatchObject({
      ips: ["10.50.12.34"],
      availabilityZone: "all",
    });
  });

  it("creates a V1 link only after the NLB is active, but a V2 link at once", () => {
    expect(dependenciesOf(crossAccount, "vpcLink.create")).toEqual(["loadBalancer.awaitActive"]);
    expect(dependenciesOf(crossAccount, "vpcLink.create", { ...hub, linkMode: "v2" })).toEqual([]);
  });

  it("starts the independent branches at once", () => {
    const roots = planChain(crossAccount, hub)
      .filter((step) => step.dependsOn.length === 0)
      .map((step) => step.id);
    expect(roots.sort()).toEqual([
      "endpointService.create",
      "loadBalancer.create",
      "restApi.create",
      "targetGroup.create",
    ]);
  });

  it("is a valid graph ending in the verification", () => {
    for (const exposure of [crossAccount, remote]) {
      for (const linkMode of ["v1", "v2"] as const) {
        const order = topologicalOrder(planChain(exposure, { ...hub, linkMode }));
        expect(order.at(-1)).toBe("chain.verify");
        expect(order.indexOf("restApi.deploy")).toBeGreaterThan(order.indexOf("restApi.routes"));
      }
    }
  });

  it("names ELBv2 resources within 32 characters and EC2 client tokens within 64, deterministically, tokens per run", () => {
    const longId = "x".repeat(60);
    expect(loadBalancerResourceName(longId, "nlb").length).toBeLessThanOrEqual(32);
    expect(loadBalancerResourceName(crossAccount.requestId, "tg")).toBe(
      loadBalancerResourceName(crossAccount.requestId, "tg"),
    );
    expect(clientToken(longId, "interfaceEndpoint.create").length).toBeLessThanOrEqual(64);
    expect(clientToken("run-1", "interfaceEndpoint.create")).toBe(clientToken("run-1", "interfaceEndpoint.create"));
    expect(clientToken("run-2", "interfaceEndpoint.create")).not.toBe(clientToken("run-1", "interfaceEndpoint.create"));
  });
});

describe("criticalPathMs", () => {
  it("is the longest chain of dependent steps, not the sum", () => {
    const plan = planChain(remote, hub);
    const minute = 60_000;
    const durations: Record<string, number> = {
      "loadBalancer.awaitActive": 3 * minute,
      "vpcLink.awaitAvailable": 3 * minute,
    };
    expect(criticalPathMs(plan, (id) => durations[id] ?? 0)).toBe(6 * minute);
  });

  it("refuses a plan with a cycle", () => {
    const plan = planChain(remote, hub).map((step) =>
      step.id === "targetGroup.create" ? { ...step, dependsOn: ["chain.verify" as const] } : step,
    );
    expect(() => topologicalOrder(plan)).toThrow(/cycle/);
  });
});
