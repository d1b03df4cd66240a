import { describe, expect, it } from "vitest";
import { buildExposureTopology, buildPlatformTopology } from "./build-topology";
import type { TopologyGraph } from "./model";
import { exposureFactsFixture } from "./testing/exposure-facts-fixture";
import { wordsIn } from "./words-in";
import zhCN from "@/messages/zh-CN.json";

const kindPath = (graph: TopologyGraph) => {
  const kindOf = new Map(graph.nodes.map((node) => [node.id, node.kind]));
  return graph.edges.map((edge) => `${kindOf.get(edge.source)}->${kindOf.get(edge.target)}`);
};
const nodeOfKind = (graph: TopologyGraph, kind: string) => graph.nodes.find((node) => node.kind === kind);

describe("buildExposureTopology", () => {
  it("draws scenario A as the seed's chain, PrivateLink between the accounts", () => {
    const graph = buildExposureTopology(exposureFactsFixture({ scenario: "cross_account_nlb" }));
    expect(kindPath(graph)).toEqual([
      "consumer-vpc->execute-api-endpoint",
      "execute-api-endpoint->rest-api",
      "rest-api->vpc-link",
      "vpc-link->platform-nlb",
      "platform-nlb->target-group",
      "target-group->interface-endpoint",
      "interface-endpoint->endpoint-service",
      "endpoint-service->application-nlb",
      "application-nlb->service",
    ]);
    expect(graph.edges.find((edge) => edge.style === "privatelink")?.label).toBe("PrivateLink");
    expect(graph.edges.find((edge) => edge.hop === "listener.create")?.label).toBe("Listener TCP 8443");
    expect(nodeOfKind(graph, "endpoint-service")?.groupId).toBe("account:222222222222");
    expect(nodeOfKind(graph, "platform-nlb")?.groupId).toBe("vpc:vpc-hub");
    expect(graph.groups.find((group) => group.id === "vpc:vpc-hub")?.parentId).toBe("account:111111111111");
  });

  it("draws scenario B through IP targets and the transit gateway to the remote network", () => {
    const graph = buildExposureTopology(exposureFactsFixture({ scenario: "remote_network" }));
    expect(kindPath(graph).slice(4)).toEqual([
      "platform-nlb->target-group",
      "target-group->ip-targets",
      "ip-targets->transit-gateway",
      "transit-gateway->remote-network",
    ]);
    expect(nodeOfKind(graph, "remote-network")?.groupId).toBe("network:datacenter-frankfurt");
    expect(nodeOfKind(graph, "ip-targets")?.identifiers).toContainEqual({
      label: "IPs",
      value: "10.50.1.10, 10.50.1.11",
    });
    expect(graph.nodes.some((node) => node.kind === "endpoint-service")).toBe(false);
  });

  it("places the interface endpoint's ENIs per availability zone and subnet of the hub VPC", () => {
    const enis = nodeOfKind(buildExposureTopology(exposureFactsFixture()), "interface-endpoint");
    expect(enis?.placements).toEqual([
      { zone: "eu-west-1a", subnetId: "subnet-a", addresses: ["10.10.1.20"] },
      { zone: "eu-west-1b", subnetId: "subnet-b", addresses: ["10.10.2.20"] },
    ]);
    expect(enis?.identifiers).toContainEqual({ label: "ENIs in eu-west-1b (subnet-b)", value: "10.10.2.20" });

    // A run recorded before zones were: the addresses alone.
    const older = exposureFactsFixture();
    older.steps = older.steps.map((step) =>
      step.stepId === "interfaceEndpoint.awaitAvailable" ? { ...step, outputs: { ips: ["10.10.1.20"] } } : step,
    );
    const olderEnis = nodeOfKind(buildExposureTopology(older), "interface-endpoint");
    expect(olderEnis?.placements).toBeUndefined();
    expect(olderEnis?.identifiers).toContainEqual({ label: "ENI IPs", value: "10.10.1.20" });
    expect(
      nodeOfKind(buildExposureTopology(exposureFactsFixture({ stage: "plan" })), "interface-endpoint")?.placements,
    ).toBeUndefined();
  });

  it("names the link by mode: a dedicated V1 link per exposure, the hub's shared V2 link", () => {
    expect(nodeOfKind(buildExposureTopology(exposureFactsFixture({ linkMode: "v1" })), "vpc-link")).toMatchObject({
      id: "request:req1:vpc-link",
      label: "VPC link (V1)",
    });
    expect(nodeOfKind(buildExposureTopology(exposureFactsFixture({ linkMode: "v2" })), "vpc-link")).toMatchObject({
      id: "hub:hub1:vpc-link-v2",
      label: "Shared VPC link (V2)",
      state: "healthy",
    });
  });

  it("lists the REST API's methods on its node once the routes step recorded them", () => {
    expect(nodeOfKind(buildExposureTopology(exposureFactsFixture()), "rest-api")?.identifiers).toContainEqual({
      label: "Methods",
      value: "GET /orders, GET /orders/{orderId}",
    });
  });

  it("shows the plan before approval: everything Gatehouse creates is planned, what exists is healthy", () => {
    const graph = buildExposureTopology(exposureFactsFixture({ stage: "plan" }));
    expect(nodeOfKind(graph, "rest-api")).toMatchObject({
      state: "planned",
      reason: expect.stringContaining("once approved"),
    });
    expect(nodeOfKind(graph, "platform-nlb")?.identifiers).toContainEqual({ label: "Name", value: "gh-req1-nlb" });
    expect(nodeOfKind(graph, "execute-api-endpoint")?.state).toBe("healthy");
    expect(nodeOfKind(graph, "application-nlb")?.state).toBe("healthy");
    expect(graph.edges.find((edge) => edge.hop === "interfaceEndpoint.accept")?.state).toBe("planned");
  });

  it("speaks the reader's language: titles, labels and reasons in Chinese, the same IDs", () => {
    const graph = buildExposureTopology(exposureFactsFixture({ stage: "plan" }), wordsIn("zh-CN"));
    const restApi = nodeOfKind(graph, "rest-api");
    expect(restApi?.label).toBe("orders-req1（阶段 v1）");
    // The plan names the step that will create the node by its Chinese title.
    expect(restApi?.reason).toContain(zhCN.hops.restApi.create);
    expect(nodeOfKind(graph, "target-group")?.label).toBe(zhCN.topology.kind["target-group"]);
    expect(nodeOfKind(graph, "platform-nlb")?.identifiers).toContainEqual({ label: "名称", value: "gh-req1-nlb" });
    expect(graph.edges.find((edge) => edge.hop === "listener.create")?.label).toBe("侦听器 TCP 8443");
    expect(graph.groups.find((group) => group.id === "vpc:vpc-hub")?.label).toBe("中心 VPC vpc-hub");
    // The same IDs in every language.
    expect(graph.nodes.map((node) => node.id)).toEqual(
      buildExposureTopology(exposureFactsFixture({ stage: "plan" })).nodes.map((node) => node.id),
    );
  });

  it("lights up nodes as steps finish during provisioning", () => {
    const graph = buildExposureTopology(exposureFactsFixture({ stage: "provisioning" }));
    expect(nodeOfKind(graph, "endpoint-service")?.state).toBe("healthy");
    expect(nodeOfKind(graph, "endpoint-service")?.identifiers).toContainEqual({
      label: "Service ID",
      value: "vpce-svc-req1",
    });
    expect(graph.nodes.filter((node) => node.state === "creating").length).toBeGreaterThan(0);
    expect(nodeOfKind(graph, "rest-api")?.state).toBe("planned");
  });

  it("marks a failed step's node failed with the error and the fix", () => {
    const facts = exposureFactsFixture({ stage: "provisioning" });
    facts.steps = facts.steps.map((step) =>
      step.stepId === "loadBalancer.create"
        ? {
            ...step,
            status: "failed",
            error: { message: "AccessDenied on CreateLoadBalancer.", fix: "Grant the action." },
          }
        : step,
    );
    expect(nodeOfKind(buildExposureTopology(facts), "platform-nlb")).toMatchObject({
      state: "failed",
      reason: "AccessDenied on CreateLoadBalancer. Grant the action.",
    });
  });

  it("after verify, the broken hop is degraded with its reason and the rest stays healthy", () => {
    const graph = buildExposureTopology(exposureFactsFixture({ stage: "broken" }));
    const broken = [...graph.nodes, ...graph.edges].filter((item) => item.state !== "healthy");
    expect(broken).toEqual([
      expect.objectContaining({ id: "request:req1:tg->request:req1:endpoint", state: "degraded" }),
    ]);
    expect(broken[0]?.reason).toBe("Target 10.10.1.20 is unhealthy: Target.FailedHealthChecks");
    expect(nodeOfKind(graph, "rest-api")?.lastVerifiedAt).toBe("2026-11-25T10:00:00.000Z");
  });

  it("a missing resource found by verify is failed", () => {
    const facts = exposureFactsFixture({ stage: "active" });
    facts.latestCheck = {
      checkedAt: "2026-11-25T11:00:00Z",
      healthy: false,
      brokenHop: "restApi.create",
      reason: "REST API api-req1 no longer exists.",
      hops: [{ hop: "restApi.create", state: "missing", detail: "NotFoundException" }],
    };
    expect(nodeOfKind(buildExposureTopology(facts), "rest-api")).toMatchObject({
      state: "failed",
      reason: "REST API api-req1 no longer exists.",
    });
  });

  it("decommissioned: what Gatehouse created is deleted, the hub and the application's NLB stay", () => {
    const graph = buildExposureTopology(exposureFactsFixture({ stage: "decommissioned", linkMode: "v2" }));
    expect(nodeOfKind(graph, "platform-nlb")?.state).toBe("deleted");
    expect(nodeOfKind(graph, "rest-api")?.state).toBe("deleted");
    expect(nodeOfKind(graph, "vpc-link")?.state).toBe("healthy");
    expect(nodeOfKind(graph, "application-nlb")?.state).toBe("healthy");
  });

  it("during teardown, a resource whose record is deleted shows deleted", () => {
    const facts = exposureFactsFixture({ stage: "active" });
    facts.request.status = "decommissioning";
    facts.resources = [
      {
        kind: "rest-api",
        identifier: "api-req1",
        stepId: "restApi.create",
        accountId: "111111111111",
        deletedAt: "2026-11-25T12:00:00Z",
      },
    ];
    const graph = buildExposureTopology(facts);
    expect(nodeOfKind(graph, "rest-api")?.state).toBe("deleted");
    expect(nodeOfKind(graph, "platform-nlb")?.state).toBe("healthy");
  });

  it("links each resource to the console of its partition", () => {
    const facts = exposureFactsFixture();
    expect(nodeOfKind(buildExposureTopology(facts), "rest-api")?.consoleUrl).toBe(
      "https://eu-west-1.console.aws.amazon.com/apigateway/main/apis/api-req1/resources?api=api-req1&region=eu-west-1",
    );
    facts.hub.region = "cn-north-1";
    expect(nodeOfKind(buildExposureTopology(facts), "target-group")?.consoleUrl).toMatch(
      /^https:\/\/console\.amazonaws\.cn\/ec2\/home\?region=cn-north-1#TargetGroup:/,
    );
  });
});

describe("buildPlatformTopology", () => {
  it("draws the hub's shared components once for all exposures", () => {
    const graph = buildPlatformTopology([
      exposureFactsFixture({ requestId: "a", linkMode: "v2" }),
      exposureFactsFixture({ requestId: "b", linkMode: "v2", scenario: "remote_network" }),
      exposureFactsFixture({ requestId: "c", linkMode: "v2", sourceAccountId: "333333333333" }),
    ]);
    expect(graph.nodes.filter((node) => node.kind === "execute-api-endpoint")).toHaveLength(1);
    expect(graph.nodes.filter((node) => node.kind === "vpc-link")).toHaveLength(1);
    expect(nodeOfKind(graph, "vpc-link")?.requestIds).toEqual(["a", "b", "c"]);
    expect(graph.nodes.filter((node) => node.kind === "rest-api")).toHaveLength(3);
    expect(graph.groups.filter((group) => group.kind === "account").map((group) => group.id)).toEqual([
      "account:111111111111",
      "account:222222222222",
      "account:333333333333",
    ]);
    expect(new Set(graph.edges.map((edge) => edge.id)).size).toBe(graph.edges.length);
  });

  it("a shared component shows the worst news of the exposures it serves", () => {
    const broken = exposureFactsFixture({ requestId: "b", linkMode: "v2", stage: "active" });
    broken.latestCheck = {
      checkedAt: "2026-11-25T11:00:00Z",
      healthy: false,
      brokenHop: "vpcLink.awaitAvailable",
      reason: "VPC link is FAILED",
      hops: [],
    };
    const graph = buildPlatformTopology([exposureFactsFixture({ requestId: "a", linkMode: "v2" }), broken]);
    expect(nodeOfKind(graph, "vpc-link")).toMatchObject({ state: "degraded", reason: "VPC link is FAILED" });
  });
});
