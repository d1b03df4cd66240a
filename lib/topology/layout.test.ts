import { describe, expect, it } from "vitest";
import { buildExposureTopology, buildPlatformTopology } from "./build-topology";
import { layoutRequest, type Box } from "./layout";
import { layoutPlatform } from "./platform-layout";
import { toFlow } from "./to-flow";
import { wordsIn } from "./words-in";
import { exposureFactsFixture } from "./testing/exposure-facts-fixture";

const english = wordsIn("en");

const canvas = { width: 1100, height: 630 };
const within = (inner: Box, outer: Box) =>
  inner.x >= 0 && inner.y >= 0 && inner.x + inner.width <= outer.width && inner.y + inner.height <= outer.height;
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("layoutRequest", () => {
  it("keeps every node and group inside its parent, without overlapping a sibling", () => {
    const graph = buildExposureTopology(exposureFactsFixture());
    const layout = layoutRequest(graph, canvas);
    const parentOf = new Map([
      ...graph.groups.map((group) => [group.id, group.parentId] as const),
      ...graph.nodes.map((node) => [node.id, node.groupId] as const),
    ]);
    for (const [id, parent] of parentOf) {
      const box = layout[id];
      expect(box, id).toBeDefined();
      if (parent && box) expect(within(box, layout[parent] as Box), id).toBe(true);
      for (const [other, otherParent] of parentOf)
        if (other !== id && otherParent === parent)
          expect(overlap(box as Box, layout[other] as Box), other).toBe(false);
    }
  });

  it("follows the chain left to right within a row and wraps it into rows shaped to the canvas", () => {
    const graph = buildExposureTopology(exposureFactsFixture());
    const layout = layoutRequest(graph, canvas);
    const x = (id: string) => layout[id]?.x ?? Number.NaN;
    expect(x("request:req1:rest-api")).toBeLessThan(x("request:req1:vpc-link"));
    expect(x("hub:hub1:consumers")).toBeLessThan(x("hub:hub1:execute-api"));
    const accounts = ["account:111111111111", "account:222222222222"].map((id) => layout[id] as Box);
    const width = Math.max(...accounts.map((box) => box.x + box.width));
    const height = Math.max(...accounts.map((box) => box.y + box.height));
    // A 1100 × 630 canvas shows the whole chain at 90 % or more, where 12 px text stays readable (11 px on screen).
    expect(Math.min(canvas.width / width, canvas.height / height)).toBeGreaterThanOrEqual(0.9);
    // A tall, narrow canvas gets a tall, narrow chain.
    const narrow = layoutRequest(graph, { width: 400, height: 1600 });
    expect((narrow["account:111111111111"] as Box).width).toBeLessThan(accounts[0]?.width ?? 0);
  });
});

describe("toFlow", () => {
  it("puts parents ahead of children with positions relative to them, and carries the state", () => {
    const graph = buildPlatformTopology([
      exposureFactsFixture({ requestId: "a", stage: "plan" }),
      exposureFactsFixture({ requestId: "b", scenario: "remote_network" }),
    ]);
    const flow = toFlow(graph, layoutRequest(graph, canvas), english);
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

  it("gives React Flow every size and handle up front, so it never measures a node", () => {
    const graph = buildExposureTopology(exposureFactsFixture());
    const flow = toFlow(graph, layoutRequest(graph, canvas), english);
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
    const flow = toFlow(graph, layout.boxes, english, layout.segments);
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
