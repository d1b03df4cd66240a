import { describe, expect, it } from "vitest";
import { buildPlatformTopology } from "./build-topology";
import type { Box } from "./layout";
import type { TopologyGraph } from "./model";
import { layoutPlatform } from "./platform-layout";
import { exposureFactsFixture, type FixtureOptions } from "./testing/exposure-facts-fixture";

const exposure = (options: FixtureOptions & { hub?: "hub1" | "hub2" }) => {
  const facts = exposureFactsFixture(options);
  if (options.hub === "hub2")
    facts.hub = {
      ...facts.hub,
      id: "hub2",
      accountId: "444444444444",
      vpcId: "vpc-hub-2",
      executeApiEndpointId: "vpce-2",
    };
  return facts;
};

/** Every exposure stage, both scenarios and link modes, two hubs, and an application account reached from both. */
function mixedGraph(count: number): TopologyGraph {
  return buildPlatformTopology(
    Array.from({ length: count }, (_, index) =>
      exposure({
        requestId: `r${index}`,
        hub: index % 7 === 0 ? "hub2" : "hub1",
        linkMode: index % 3 === 0 ? "v1" : "v2",
        scenario: index % 5 === 0 ? "remote_network" : "cross_account_nlb",
        stage: index % 10 === 0 ? "provisioning" : index % 4 === 0 ? "broken" : "active",
        sourceAccountId: String(900000000000 + (index % 6)),
      }),
    ),
  );
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;
const centreY = (box: Box | undefined) => (box ? box.y + box.height / 2 : Number.NaN);

describe("layoutPlatform", () => {
  it("draws each exposure as a row along its chain, left to right", () => {
    const graph = buildPlatformTopology([exposure({ requestId: "a" }), exposure({ requestId: "b" })]);
    const { absolute } = layoutPlatform(graph);
    const chain = ["rest-api", "vpc-link", "nlb", "tg", "endpoint", "endpoint-service"].map(
      (suffix) => absolute[`request:a:${suffix}`],
    );
    const xs = chain.map((box) => box?.x ?? Number.NaN);
    expect(xs).toEqual([...xs].sort((x, y) => x - y));
    expect(new Set(chain.map((box) => box?.y)).size).toBe(1);
    expect(absolute["request:b:rest-api"]?.y).toBeGreaterThan(absolute["request:a:rest-api"]?.y ?? Infinity);
  });

  it("draws a shared component once, as tall as the rows it serves, level with each of them", () => {
    const graph = buildPlatformTopology(["a", "b", "c"].map((requestId) => exposure({ requestId, linkMode: "v2" })));
    const { absolute } = layoutPlatform(graph);
    const link = absolute["hub:hub1:vpc-link-v2"];
    const first = absolute["request:a:rest-api"];
    const last = absolute["request:c:rest-api"];
    expect(link?.y).toBe(first?.y);
    expect((link?.y ?? 0) + (link?.height ?? 0)).toBe((last?.y ?? 0) + (last?.height ?? 0));
    // The application NLB all three expose is one node beside their endpoint services.
    const applicationNlb = graph.nodes.find((node) => node.kind === "application-nlb");
    expect(applicationNlb?.requestIds).toEqual(["a", "b", "c"]);
    expect(absolute[applicationNlb?.id ?? ""]?.height).toBe(link?.height);
  });

  it("keeps the REST API and VPC link outside the hub VPC, which is drawn as two parts around them", () => {
    const graph = buildPlatformTopology([exposure({ requestId: "a" })]);
    const { absolute, segments } = layoutPlatform(graph);
    const vpc = absolute["vpc:vpc-hub"];
    const parts = (segments["vpc:vpc-hub"] ?? []).map((part) => ({ ...part, x: part.x + (vpc?.x ?? 0) }));
    expect(parts).toHaveLength(2);
    const [endpointSide, loadBalancerSide] = parts;
    for (const id of ["request:a:rest-api", "request:a:vpc-link"]) {
      const box = absolute[id];
      expect(box?.x).toBeGreaterThan((endpointSide?.x ?? 0) + (endpointSide?.width ?? 0));
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThan(loadBalancerSide?.x ?? 0);
    }
    expect(absolute["hub:hub1:execute-api"]?.x).toBeLessThan((endpointSide?.x ?? 0) + (endpointSide?.width ?? 0));
    expect(absolute["request:a:nlb"]?.x).toBeGreaterThan(loadBalancerSide?.x ?? 0);
    expect(segments["account:111111111111"]).toBeUndefined();
  });

  it("nests every node and group inside its parent, and nothing drawn overlaps a sibling, for two hubs and both scenarios", () => {
    const graph = mixedGraph(60);
    const { absolute, boxes, segments } = layoutPlatform(graph);
    // What is drawn: a group interrupted by its parent's resources is only its segments.
    const drawn = (id: string): Box[] => {
      const box = absolute[id];
      if (!box) return [];
      return segments[id]?.map((part) => ({ ...box, x: box.x + part.x, width: part.width })) ?? [box];
    };
    const parents = [
      ...graph.groups.map((group) => ({ id: group.id, parent: group.parentId })),
      ...graph.nodes.map((node) => ({ id: node.id, parent: node.groupId })),
    ];
    for (const { id, parent } of parents) {
      const box = absolute[id];
      expect(box, id).toBeDefined();
      if (!box) continue;
      if (parent) {
        const outer = absolute[parent];
        expect(outer && inside(box, outer), `${id} inside ${parent}`).toBe(true);
        expect(boxes[id]).toEqual({ ...box, x: box.x - (outer?.x ?? 0), y: box.y - (outer?.y ?? 0) });
      }
    }
    const siblings = new Map<string, typeof parents>();
    for (const item of parents) siblings.set(item.parent ?? "", [...(siblings.get(item.parent ?? "") ?? []), item]);
    for (const [parent, children] of siblings)
      for (const [index, one] of children.entries())
        for (const other of children.slice(index + 1)) {
          const clash = drawn(one.id).some((a) => drawn(other.id).some((b) => overlaps(a, b)));
          expect(clash, `${one.id} and ${other.id} in ${parent || "the canvas"}`).toBe(false);
        }
  });

  it("lines each exposure's application side up with its platform side when its account is reached from one hub", () => {
    const graph = buildPlatformTopology([
      exposure({ requestId: "a", sourceAccountId: "900000000001" }),
      exposure({ requestId: "b", sourceAccountId: "900000000002" }),
      exposure({ requestId: "c", sourceAccountId: "900000000001" }),
      exposure({ requestId: "d", scenario: "remote_network" }),
    ]);
    const { absolute } = layoutPlatform(graph);
    for (const requestId of ["a", "b", "c"])
      expect(centreY(absolute[`request:${requestId}:endpoint-service`])).toBe(
        centreY(absolute[`request:${requestId}:endpoint`]),
      );
    expect(centreY(absolute["request:d:remote"])).toBe(centreY(absolute["request:d:ip-targets"]));
    // a and c share account 900000000001: their rows are neighbours, b's account comes after.
    const y = (requestId: string) => absolute[`request:${requestId}:rest-api`]?.y ?? Number.NaN;
    expect(y("a")).toBeLessThan(y("c"));
    expect(y("c")).toBeLessThan(y("b"));
  });

  it("gives each exposure one summary box over its own resources, the shared ones excluded", () => {
    const graph = buildPlatformTopology([exposure({ requestId: "a", linkMode: "v2" }), exposure({ requestId: "b" })]);
    const { rows, absolute } = layoutPlatform(graph);
    expect(rows.map((row) => row.requestId)).toEqual(["a", "b"]);
    const [summary] = rows[0]?.boxes ?? [];
    expect(summary?.x).toBe(absolute["request:a:rest-api"]?.x);
    expect(summary?.y).toBe(absolute["request:a:rest-api"]?.y);
    expect(
      summary && absolute["request:a:endpoint-service"] && inside(absolute["request:a:endpoint-service"], summary),
    ).toBe(true);
    expect((summary?.x ?? 0) > (absolute["hub:hub1:execute-api"]?.x ?? 0)).toBe(true);
  });

  it("is deterministic", () => {
    const graph = mixedGraph(30);
    expect(layoutPlatform(graph)).toEqual(layoutPlatform(structuredClone(graph)));
  });
});
