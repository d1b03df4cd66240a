"use client";

import { useEffect, useState } from "react";
import { layoutTopology, type LayoutEngine, type TopologyLayout } from "@/lib/topology/layout";
import { levelsOfDetail, levelOfDetailAbove, type LevelsOfDetail } from "@/lib/topology/level-of-detail";
import type { TopologyGraph } from "@/lib/topology/model";
import { layoutPlatform } from "@/lib/topology/platform-layout";
import { toFlow, type TopologyFlow } from "@/lib/topology/to-flow";

// Lays a graph out and maps it to React Flow. A request's chain is drawn by ELK (layered, with compound groups), loaded
// only when such a view is opened; the platform map by the row layout, which needs no engine and takes milliseconds
// on the main thread even at 500 exposures. Reports how long layout and mapping took.

/** layered: ELK for one chain. rows: one row per exposure, for the platform map. */
export type Arrangement = "layered" | "rows";

export type LaidOut = {
  graph: TopologyGraph;
  flow: TopologyFlow;
  /** Absolute boxes (rows only), to centre on a node that is not rendered at the current level of detail. */
  absolute?: TopologyLayout;
  /** Present when the map is large enough to switch between summary and detail by zoom. */
  levels?: LevelsOfDetail;
  layoutMs: number;
  engine: "elk" | "rows";
};

let elk: Promise<LayoutEngine> | undefined;
const loadElk = () => (elk ??= import("elkjs/lib/elk.bundled.js").then(({ default: ELK }): LayoutEngine => new ELK()));

async function arrange(graph: TopologyGraph, arrangement: Arrangement): Promise<Omit<LaidOut, "layoutMs">> {
  if (arrangement === "layered") {
    const layout = await layoutTopology(graph, await loadElk());
    return { graph, flow: toFlow(graph, layout), engine: "elk" };
  }
  const layout = layoutPlatform(graph);
  const flow = toFlow(graph, layout.boxes, layout.segments);
  const levels = graph.nodes.length > levelOfDetailAbove ? levelsOfDetail(graph, layout, flow) : undefined;
  return { graph, flow, absolute: layout.absolute, levels, engine: "rows" };
}

export function useTopologyLayout(
  graph: TopologyGraph | undefined,
  arrangement: Arrangement,
): { laidOut?: LaidOut; error?: string } {
  const [state, setState] = useState<{ laidOut?: LaidOut; error?: string }>({});
  useEffect(() => {
    if (!graph) return;
    let current = true;
    const started = performance.now();
    arrange(graph, arrangement)
      .then((laidOut) => {
        performance.mark("topology:laid-out");
        if (current) setState({ laidOut: { ...laidOut, layoutMs: performance.now() - started } });
      })
      .catch(
        (error: unknown) => current && setState({ error: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      current = false;
    };
  }, [graph, arrangement]);
  return state;
}
