import { resourceNodeSize, type Box, type TopologyLayout } from "./layout";
import { nodeKinds, type TopologyGraph, type TopologyState } from "./model";
import type { PlatformLayout } from "./platform-layout";
import type { HopFlowEdge, TopologyFlow, TopologyFlowNode } from "./to-flow";

// What the platform map hands React Flow at each zoom, so a frame never has to paint thousands of nodes. Zoomed out,
// each exposure collapses to one bar over its own resources, drawn together in one SVG layer rather than as hundreds
// of React Flow nodes (the groups and the shared hub components stay nodes);
// zoomed in, only the rows near the viewport get their edges, and React Flow renders only visible nodes. The view
// changes only when the zoom crosses the threshold or the viewport moves into another band, never on every frame.

/** Small maps are drawn in full at every zoom. */
export const levelOfDetailAbove = 200;
/** Below this zoom a node's text is a few pixels tall: each exposure becomes one bar. */
export const summaryBelowZoom = 0.45;
/** The viewport's vertical extent is rounded to bands of this height (in diagram units), with a band to spare. */
const band = 400;

export type ExposureSummary = { requestId: string; label: string; state: TopologyState; reason?: string };
/** One exposure's bar on the zoomed-out map (absolute box); an exposure split across two places has two. */
export type ExposureBar = { id: string; box: Box; summary: ExposureSummary };

export type LevelsOfDetail = {
  summary: { nodes: TopologyFlowNode[]; edges: HopFlowEdge[]; bars: ExposureBar[] };
  /** The vertical extent each edge is drawn over (absolute), to hand React Flow only the edges near the viewport. */
  edgeSpans: Map<string, { top: number; bottom: number }>;
};

export type View = { level: "full" } | { level: "summary" } | { level: "detail"; top: number; bottom: number };

/** The view for a viewport; equal views give equal keys, so a store selector re-renders only when it changes. */
export function viewKey(transform: readonly [number, number, number], viewportHeight: number): string {
  const [x, y, zoom] = transform;
  // React Flow's initial viewport, before fit view: start zoomed out rather than mount the detail for one frame.
  if (zoom < summaryBelowZoom || (x === 0 && y === 0 && zoom === 1)) return "summary";
  const top = -y / zoom;
  const bottom = top + viewportHeight / zoom;
  return `detail:${Math.floor(top / band) - 1}:${Math.ceil(bottom / band) + 1}`;
}

export function viewOf(key: string): View {
  if (key === "summary") return { level: "summary" };
  const [level, from, to] = key.split(":");
  return level === "detail" ? { level, top: Number(from) * band, bottom: Number(to) * band } : { level: "full" };
}

/** What needs attention first when many parts are summed up in one mark: broken, then changing, then fine. */
export const summaryRank: Record<TopologyState, number> = {
  failed: 5,
  degraded: 4,
  creating: 3,
  planned: 2,
  healthy: 1,
  deleted: 0,
};
const kindOrder = new Map(nodeKinds.map((kind, index) => [kind, index]));

/** An exposure at a glance: named after its first own resource (its REST API), in the worst state of its parts. */
export function summarizeExposures(graph: TopologyGraph): Map<string, ExposureSummary> {
  const summaries = new Map<string, ExposureSummary & { rank: number }>();
  const own = [...graph.nodes, ...graph.edges].filter((item) => item.requestIds.length === 1);
  const namers = graph.nodes
    .filter((node) => node.requestIds.length === 1)
    .sort((a, b) => (kindOrder.get(a.kind) ?? 0) - (kindOrder.get(b.kind) ?? 0));
  for (const node of namers) {
    const requestId = node.requestIds[0] ?? "";
    if (!summaries.has(requestId))
      summaries.set(requestId, { requestId, label: node.label, state: "deleted", rank: -1 });
  }
  for (const item of own) {
    const summary = summaries.get(item.requestIds[0] ?? "");
    if (!summary || summaryRank[item.state] <= summary.rank) continue;
    summary.rank = summaryRank[item.state];
    summary.state = item.state;
    summary.reason = item.reason;
  }
  return new Map(
    [...summaries].map(([requestId, { rank: _rank, ...summary }]) => [
      requestId,
      summary.state === "healthy" ? { ...summary, reason: undefined } : summary,
    ]),
  );
}

export function levelsOfDetail(graph: TopologyGraph, layout: PlatformLayout, detail: TopologyFlow): LevelsOfDetail {
  const summaries = summarizeExposures(graph);
  const bars = layout.rows.flatMap((row) => {
    const summary = summaries.get(row.requestId);
    return summary ? row.boxes.map((box, index) => ({ id: `${row.requestId}:${index}`, box, summary })) : [];
  });
  const shared = new Set(graph.nodes.filter((node) => node.requestIds.length > 1).map((node) => node.id));
  return {
    summary: {
      nodes: detail.nodes.filter((node) => node.type === "group-boundary" || shared.has(node.id)),
      edges: detail.edges.filter((edge) => shared.has(edge.source) && shared.has(edge.target)),
      bars,
    },
    edgeSpans: edgeSpans(detail.edges, layout.absolute),
  };
}

function edgeSpans(edges: readonly HopFlowEdge[], absolute: TopologyLayout) {
  const spans = new Map<string, { top: number; bottom: number }>();
  const extent = (box: Box | undefined) => ({ top: box?.y ?? 0, bottom: (box?.y ?? 0) + (box?.height ?? 0) });
  for (const edge of edges) {
    const source = extent(absolute[edge.source]);
    const target = extent(absolute[edge.target]);
    // An edge level with its other end spans only that end's row, not the whole tall node.
    const levelWith = edge.data?.levelWith;
    spans.set(
      edge.id,
      levelWith === "source"
        ? source
        : levelWith === "target"
          ? target
          : { top: Math.min(source.top, target.top), bottom: Math.max(source.bottom, target.bottom) },
    );
  }
  return spans;
}

/** The edges drawn within a band of the diagram. */
export function edgesWithin(levels: LevelsOfDetail, edges: readonly HopFlowEdge[], view: View): HopFlowEdge[] {
  if (view.level !== "detail") return [...edges];
  return edges.filter((edge) => {
    const span = levels.edgeSpans.get(edge.id);
    return !span || (span.bottom >= view.top && span.top <= view.bottom);
  });
}

/** Where to look to see one exposure's bar in detail: its centre, at a zoom just past the threshold. */
export function zoomIntoBar(box: Box): { x: number; y: number; zoom: number } {
  return { x: box.x + box.width / 2, y: box.y + resourceNodeSize.height / 2, zoom: summaryBelowZoom * 1.6 };
}
