import { describe, expect, it } from "vitest";
import { buildPlatformTopology } from "./build-topology";
import { filterGraph, searchNodes } from "./filter-graph";
import { exposureFactsFixture } from "./testing/exposure-facts-fixture";

const graph = buildPlatformTopology([
  exposureFactsFixture({ requestId: "a", linkMode: "v2" }),
  exposureFactsFixture({ requestId: "b", linkMode: "v2", scenario: "remote_network" }),
]);

describe("filterGraph", () => {
  it("keeps one exposure's chain with the shared hub parts and drops the other's groups", () => {
    const filtered = filterGraph(graph, new Set(["b"]));
    expect(filtered.nodes.some((node) => node.id.startsWith("request:a:"))).toBe(false);
    expect(filtered.nodes.map((node) => node.kind)).toEqual(
      expect.arrayContaining(["execute-api-endpoint", "vpc-link", "remote-network"]),
    );
    expect(filtered.groups.map((group) => group.id)).toEqual([
      "account:111111111111",
      "vpc:vpc-hub",
      "network:datacenter-frankfurt",
    ]);
    expect(filtered.edges.every((edge) => edge.requestIds.includes("b"))).toBe(true);
    // The shared link now serves the one exposure shown.
    expect(filtered.nodes.find((node) => node.kind === "vpc-link")?.requestIds).toEqual(["b"]);
  });

  it("shows nothing when no exposure is chosen", () => {
    expect(filterGraph(graph, new Set())).toEqual({ groups: [], nodes: [], edges: [] });
  });
});

describe("searchNodes", () => {
  it("finds nodes by name or by any identifier, case-insensitively", () => {
    expect(searchNodes(graph, "ORDERS-b").map((node) => node.id)).toEqual(["request:b:rest-api"]);
    expect(searchNodes(graph, "vpce-svc-a").map((node) => node.id)).toEqual(["request:a:endpoint-service"]);
    expect(searchNodes(graph, "  ")).toEqual([]);
  });
});
