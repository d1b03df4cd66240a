import ELK from "elkjs/lib/elk.bundled.js";
import { describe, expect, it } from "vitest";
import { buildExposureTopology, buildPlatformTopology } from "./build-topology";
import { layoutTopology, toElkGraph } from "./layout";
import { layoutPlatform } from "./platform-layout";
import { toFlow } from "./to-flow";
import { exposureFactsFixture } from "./testing/exposure-facts-fixture";

const elk = new ELK();

describe("layoutTopology", () => {
  it("nests accounts, VPCs and resources, and places every edge in the innermost group holding both ends", () => {
    const elkGraph = toElkGraph(buildExposureTopology(exposureFactsFixture()));
    const platform = elkGraph.children?.find((child) => child.id === "account:111111111111");
    const hubVpc = platform?.children?.find((child) => child.id === "vpc:vpc-hub");
    expect(hubVpc?.children?.map((child) => child.id)).toContain("request:req1:nlb");
    expect(hubVpc?.edges?.map((edge) => edge.id)).toContain("request:req1:nlb->request:req1:tg");
    expect(platform?.edges?.map((edge) => edge.id)).toContain("request:req1:rest-api->request:req1:vpc-link");
    expect(elkGraph.edges?.map((edge) => edge.id)).toContain("request:req1:endpoint->request:req1:endpoint-service");
  });

  it("lays the chain out left to right, each node inside its group", async () => {
    const graph = buildExposureTopology(exposureFactsFixture());
    const layout = await layoutTopology(graph, elk);
    const x = (id: string) => layout[id]?.x ?? Number.NaN;
    expect(x("request:req1:rest-api")).toBeLessThan(x("request:req1:vpc-link"));
    expect(x("account:111111111111")).toBeLessThan(x("account:222222222222"));
    for (const node of graph.nodes) {
      const box = layout[node.id];
      const group = layout[node.groupId];
      expect(box && group, node.id).toBeTruthy();
      if (!box || !group) continue;
      expect(box.x + box.width).toBeLessThanOrEqual(group.width);
      expect(box.y + box.height).toBeLessThanOrEqual(group.height);
    }
  });
});

describe("toFlow", () => {
  it("puts parents ahead of children with positions relative to them, and carries the state", async () => {
    const graph = buildPlatformTopology([
      exposureFactsFixture({ requestId: "a", stage: "plan" }),
      exposureFactsFixture({ requestId: "b", scenario: "remote_network" }),
    ]);
    const flow = toFlow(graph, await layoutTopology(graph, elk));
    const index = new Map(flow.nodes.map((node, position) => [node.id, position]));
    for (const node of flow.nodes)
      if (node.parentId) expect(index.get(node.parentId), node.id).toBeLessThan(index.get(node.id) ?? -1);
    const restApi = flow.nodes.find((node) => node.id === "request:a:rest-api");
    expect(restApi).toMatchObject({
      type: "resource",
      parentId: "account:111111111111",
      className: "resource state-planned",
      ariaLabel: "Private REST API: orders-a (stage v1), Will be created",
    });
    expect(flow.nodes.find((node) => node.id === "vpc:vpc-hub")).toMatchObject({
      type: "group-boundary",
      parentId: "account:111111111111",
    });
    expect(flow.edges.find((edge) => edge.id === "request:a:endpoint->request:a:endpoint-service")).toMatchObject({
      label: "PrivateLink",
      className: "hop hop-privatelink state-planned",
    });
    expect(flow.edges).toHaveLength(graph.edges.length);
  });

  it("gives React Flow every size and handle up front, so it never measures a node", async () => {
    const graph = buildExposureTopology(exposureFactsFixture());
    const flow = toFlow(graph, await layoutTopology(graph, elk));
    const restApi = flow.nodes.find((node) => node.id === "request:req1:rest-api");
    expect(restApi?.measured).toEqual({ width: 220, height: 76 });
    expect(restApi?.handles).toEqual([
      expect.objectContaining({ type: "target", position: "left", x: 0, y: 37.5 }),
      expect.objectContaining({ type: "source", position: "right", x: 219, y: 37.5 }),
    ]);
  });

  it("runs a hop into or out of a node shared by many rows level with the node at its other end", () => {
    const graph = buildPlatformTopology(["a", "b", "c"].map((requestId) => exposureFactsFixture({ requestId })));
    const layout = layoutPlatform(graph);
    const flow = toFlow(graph, layout.boxes, layout.segments);
    const edge = (id: string) => flow.edges.find((candidate) => candidate.id === id)?.data?.levelWith;
    expect(edge("hub:hub1:execute-api->request:b:rest-api")).toBe("target");
    expect(
      edge(
        "request:b:endpoint-service->nlb:arn:aws:elasticloadbalancing:eu-west-1:222222222222:loadbalancer/net/eks-orders/abc",
      ),
    ).toBe("source");
    expect(edge("request:b:rest-api->request:b:vpc-link")).toBeUndefined();
    expect(edge("hub:hub1:consumers->hub:hub1:execute-api")).toBeUndefined();
    expect(flow.nodes.find((node) => node.id === "vpc:vpc-hub")?.data).toMatchObject({
      segments: layout.segments["vpc:vpc-hub"],
    });
  });
});
