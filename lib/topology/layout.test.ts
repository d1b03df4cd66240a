import ELK from "elkjs/lib/elk.bundled.js";
import { describe, expect, it } from "vitest";
import { buildExposureTopology, buildPlatformTopology } from "./build-topology";
import { layoutTopology, rootLayoutOptions, separateGroupsAbove, toElkGraph } from "./layout";
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

  it("switches to group-by-group layout for large maps", () => {
    expect(rootLayoutOptions(separateGroupsAbove)["elk.hierarchyHandling"]).toBe("INCLUDE_CHILDREN");
    expect(rootLayoutOptions(separateGroupsAbove + 1)["elk.hierarchyHandling"]).toBe("SEPARATE_CHILDREN");
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
});
