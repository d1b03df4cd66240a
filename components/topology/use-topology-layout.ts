"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { layoutRequest, type Size, type TopologyLayout } from "@/lib/topology/layout";
import { levelsOfDetail, levelOfDetailAbove, type LevelsOfDetail } from "@/lib/topology/level-of-detail";
import type { TopologyGraph } from "@/lib/topology/model";
import { layoutPlatform } from "@/lib/topology/platform-layout";
import { toFlow, type TopologyFlow } from "@/lib/topology/to-flow";
import type { Words } from "@/lib/topology/topology-words";
import type { MessageValues } from "@/lib/i18n/translatable";

// Lays a graph out and maps it to React Flow. A request's chain is wrapped into rows sized for the canvas; the platform
// map by the row layout. Both are plain functions that take milliseconds on the main thread (the map even at 500
// exposures). Reports how long layout and mapping took.

/** wrapped: one chain, wrapped to the canvas's shape. rows: one row per exposure, for the platform map. */
export type Arrangement = "wrapped" | "rows";

export type LaidOut = {
  graph: TopologyGraph;
  flow: TopologyFlow;
  /** Absolute boxes (rows only), to centre on a node that is not rendered at the current level of detail. */
  absolute?: TopologyLayout;
  /** Present when the map is large enough to switch between summary and detail by zoom. */
  levels?: LevelsOfDetail;
  layoutMs: number;
  engine: Arrangement;
};

function arrange(
  graph: TopologyGraph,
  arrangement: Arrangement,
  canvas: Size,
  words: Words,
): Omit<LaidOut, "layoutMs"> {
  if (arrangement === "wrapped")
    return { graph, flow: toFlow(graph, layoutRequest(graph, canvas), words), engine: "wrapped" };
  const layout = layoutPlatform(graph);
  const flow = toFlow(graph, layout.boxes, words, layout.segments);
  const levels = graph.nodes.length > levelOfDetailAbove ? levelsOfDetail(graph, layout, flow) : undefined;
  return { graph, flow, absolute: layout.absolute, levels, engine: "rows" };
}

/** Lays out and maps the graph, timing both; a failure becomes a message for the page. */
function arrangeTimed(
  graph: TopologyGraph,
  arrangement: Arrangement,
  canvas: Size,
  words: Words,
): { laidOut?: LaidOut; error?: string } {
  const started = performance.now();
  try {
    const laidOut = arrange(graph, arrangement, canvas, words);
    performance.mark("topology:laid-out");
    return { laidOut: { ...laidOut, layoutMs: performance.now() - started } };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Lays the graph out once the canvas's size is known (it shapes the request view's rows). */
export function useTopologyLayout(
  graph: TopologyGraph | undefined,
  arrangement: Arrangement,
  canvas: Size | undefined,
): { laidOut?: LaidOut; error?: string } {
  const t = useTranslations() as unknown as (key: string, values?: MessageValues) => string;
  const words = useMemo((): Words => (message) => t(message.key, message.values), [t]);
  return useMemo(
    () => (graph && canvas ? arrangeTimed(graph, arrangement, canvas, words) : {}),
    [graph, arrangement, canvas, words],
  );
}
