import { describe, expect, it } from "vitest";
import { buildPlatformTopology } from "./build-topology";
import { edgesWithin, levelsOfDetail, summarizeExposures, summaryBelowZoom, viewKey, viewOf } from "./level-of-detail";
import { layoutPlatform } from "./platform-layout";
import { exposureFactsFixture, type FixtureOptions } from "./testing/exposure-facts-fixture";
import { toFlow } from "./to-flow";
import { wordsIn } from "./words-in";

const english = wordsIn("en");

const platform = (exposures: FixtureOptions[]) => {
  const graph = buildPlatformTopology(exposures.map((options) => exposureFactsFixture(options)));
  const layout = layoutPlatform(graph);
  const flow = toFlow(graph, layout.boxes, english, layout.segments);
  return { graph, layout, flow, levels: levelsOfDetail(graph, layout, flow) };
};

describe("viewKey", () => {
  it("is the summary below the zoom threshold, whatever the pan", () => {
    expect(viewKey([0, 0, summaryBelowZoom / 2], 700)).toBe("summary");
    expect(viewKey([-500, -9000, summaryBelowZoom / 2], 700)).toBe("summary");
    // React Flow's viewport before fit view has placed the map.
    expect(viewKey([0, 0, 1], 700)).toBe("summary");
  });

  it("names the band in view when zoomed in, unchanged by small pans, with a band to spare each side", () => {
    const here = viewKey([0, -2000, 1], 700);
    expect(viewKey([-300, -2100, 1], 700)).toBe(here);
    expect(viewKey([0, -6000, 1], 700)).not.toBe(here);
    expect(viewOf(here)).toEqual({ level: "detail", top: 1600, bottom: 3200 });
    expect(viewOf("full")).toEqual({ level: "full" });
  });
});

describe("summarizeExposures", () => {
  it("names each exposure after its REST API and gives it the worst state of its own parts", () => {
    const { graph } = platform([
      { requestId: "a", stage: "active" },
      { requestId: "b", stage: "broken" },
      { requestId: "c", stage: "provisioning" },
    ]);
    const summaries = summarizeExposures(graph);
    expect(summaries.get("a")).toEqual({ requestId: "a", label: "orders-a (stage v1)", state: "healthy" });
    expect(summaries.get("b")).toMatchObject({
      state: "degraded",
      reason: "Target 10.10.1.20 is unhealthy: Target.FailedHealthChecks",
    });
    expect(summaries.get("c")?.state).toBe("creating");
  });
});

describe("levelsOfDetail", () => {
  it("zoomed out: the groups and the shared components, and one bar per exposure instead of its own parts", () => {
    const { levels, layout } = platform(["a", "b", "c"].map((requestId) => ({ requestId, linkMode: "v2" as const })));
    const ids = levels.summary.nodes.map((node) => node.id);
    expect(ids).toEqual(expect.arrayContaining(["account:111111111111", "vpc:vpc-hub", "hub:hub1:vpc-link-v2"]));
    expect(ids.some((id) => id.startsWith("request:"))).toBe(false);
    expect(levels.summary.bars.map((bar) => bar.id)).toEqual(["a:0", "b:0", "c:0"]);
    expect(levels.summary.bars[0]).toMatchObject({
      box: layout.rows[0]?.boxes[0],
      summary: { label: "orders-a (stage v1)", state: "healthy" },
    });
    // Only hops between shared components: the consumers' call into the endpoint, the application NLB's to its service.
    expect(levels.summary.edges.map((edge) => edge.id)).toEqual([
      "hub:hub1:consumers->hub:hub1:execute-api",
      expect.stringMatching(/^nlb:.*->service:/),
    ]);
  });

  it("zoomed in: only the edges of the rows near the viewport, a shared component's edges included only there", () => {
    const requestIds = Array.from({ length: 40 }, (_, index) => `r${index}`);
    const { levels, layout, flow } = platform(requestIds.map((requestId) => ({ requestId, linkMode: "v2" as const })));
    const top = layout.absolute["request:r0:rest-api"]?.y ?? 0;
    const shown = edgesWithin(levels, flow.edges, { level: "detail", top, bottom: top + 300 }).map((edge) => edge.id);
    expect(shown).toContain("hub:hub1:execute-api->request:r0:rest-api");
    expect(shown).toContain("request:r0:nlb->request:r0:tg");
    expect(shown).not.toContain("hub:hub1:execute-api->request:r39:rest-api");
    expect(shown.length).toBeLessThan(flow.edges.length / 5);
    expect(edgesWithin(levels, flow.edges, { level: "full" })).toHaveLength(flow.edges.length);
  });
});
