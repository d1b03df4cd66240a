"use client";

import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  type EdgeChange,
  type NodeChange,
  type ReactFlowState,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import "./topology.css";
import { useTranslations } from "next-intl";
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from "react";
import { DetailsPanel, type Selection } from "./details-panel";
import { ExportButtons } from "./export-buttons";
import { ExposureBars } from "./exposure-bars";
import { GroupNode } from "./group-node";
import { HopEdge } from "./hop-edge";
import { TopologyLegend } from "./legend";
import { ResourceNode } from "./resource-node";
import { useTopologyLayout, type Arrangement, type LaidOut } from "./use-topology-layout";
import { resourceNodeSize, type Box, type Size } from "@/lib/topology/layout";
import { edgesWithin, viewKey, viewOf, zoomIntoBar } from "@/lib/topology/level-of-detail";
import type { TopologyGraph } from "@/lib/topology/model";
import type { HopFlowEdge, TopologyFlowNode } from "@/lib/topology/to-flow";

const nodeTypes = { resource: ResourceNode, "group-boundary": GroupNode };
const edgeTypes = { hop: HopEdge };
// Narrow margins at fit view, with room at the top for the toolbar: the request view's rows are shaped to the space
// left inside them, and every other pixel goes to the text.
const fitMargin = { top: 56, side: 12, bottom: 12 };
const fitViewOptions = {
  padding: { top: `${fitMargin.top}px`, x: `${fitMargin.side}px`, bottom: `${fitMargin.bottom}px` },
} as const;

export type TopologyCanvasProps = {
  graph: TopologyGraph | undefined;
  /** Names the exported files and the canvas for assistive technology. */
  title: string;
  arrangement?: Arrangement;
  minimap?: boolean;
  /** A node to centre, highlight and select (search). */
  focusNodeId?: string;
};

export function TopologyCanvas(props: TopologyCanvasProps) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}

type Selected = { kind: "node" | "edge"; id: string };

/** The same items with the selected one marked; the others keep their identity, so React Flow skips them. */
function withSelected<T extends { id: string }>(items: readonly T[], id: string | undefined): T[] {
  return id ? items.map((item) => (item.id === id ? { ...item, selected: true } : item)) : [...items];
}

/** Selection lives here, not in the nodes: the nodes handed to React Flow change with the level of detail. */
function selectionFrom(changes: (NodeChange | EdgeChange)[], kind: Selected["kind"], current: Selected | undefined) {
  let next = current;
  for (const change of changes) {
    if (change.type !== "select") continue;
    if (change.selected) next = { kind, id: change.id };
    else if (next?.kind === kind && next.id === change.id) next = undefined;
  }
  return next;
}

function Canvas({ graph, title, arrangement = "wrapped", minimap = false, focusNodeId }: TopologyCanvasProps) {
  const t = useTranslations("topology");
  // The request view's rows are shaped to the canvas, so the layout waits for its size (measured once, on mount).
  const [canvasSize, setCanvasSize] = useState<Size>();
  const measureCanvas = useCallback((element: HTMLDivElement | null) => {
    if (element)
      setCanvasSize({
        width: element.clientWidth - 2 * fitMargin.side,
        height: element.clientHeight - fitMargin.top - fitMargin.bottom,
      });
  }, []);
  const { laidOut, error } = useTopologyLayout(graph, arrangement, canvasSize);
  const levels = laidOut?.levels;
  // Re-renders only when the zoom crosses the threshold or the viewport reaches another band, not on every frame.
  const key = useStore(
    useCallback((state: ReactFlowState) => (levels ? viewKey(state.transform, state.height) : "full"), [levels]),
  );
  const [selected, setSelected] = useState<Selected>();
  const [painted, setPainted] = useState(false);
  const { setCenter, fitView } = useReactFlow();

  const nodes = useMemo((): TopologyFlowNode[] => {
    if (!laidOut) return [];
    const shown = levels && key === "summary" ? levels.summary.nodes : laidOut.flow.nodes;
    return withSelected<TopologyFlowNode>(shown, selected?.kind === "node" ? selected.id : undefined);
  }, [laidOut, levels, key, selected]);
  // Edges follow a render later than nodes, so entering the detail level mounts them in a second, shorter task.
  const edgeKey = useDeferredValue(key);
  const edges = useMemo((): HopFlowEdge[] => {
    if (!laidOut) return [];
    const view = viewOf(edgeKey);
    const shown = !levels
      ? laidOut.flow.edges
      : view.level === "summary"
        ? levels.summary.edges
        : edgesWithin(levels, laidOut.flow.edges, view);
    return withSelected(shown, selected?.kind === "edge" ? selected.id : undefined);
  }, [laidOut, levels, edgeKey, selected]);

  useEffect(() => {
    if (!laidOut) return;
    // Two frames: React commits the nodes, then the browser paints.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        setPainted(true);
        performance.mark("topology:painted");
      }),
    );
  }, [laidOut]);

  // A new search result is selected at once (React's adjust-state-while-rendering pattern), then centred.
  const [focused, setFocused] = useState(focusNodeId);
  if (focusNodeId !== focused) {
    setFocused(focusNodeId);
    if (focusNodeId) setSelected({ kind: "node", id: focusNodeId });
  }
  useEffect(() => {
    if (!focusNodeId || !laidOut) return;
    const box = laidOut.absolute?.[focusNodeId];
    if (box)
      void setCenter(box.x + box.width / 2, box.y + Math.min(box.height, resourceNodeSize.height) / 2, {
        zoom: 1.2,
        duration: 300,
      });
    else void fitView({ nodes: [{ id: focusNodeId }], duration: 300, maxZoom: 1.2 });
  }, [focusNodeId, laidOut, setCenter, fitView]);

  const onNodesChange = (changes: NodeChange<TopologyFlowNode>[]) =>
    setSelected((current) => selectionFrom(changes, "node", current));
  const zoomIntoExposure = useCallback(
    (box: Box) => {
      const { x, y, zoom } = zoomIntoBar(box);
      void setCenter(x, y, { zoom, duration: 300 });
    },
    [setCenter],
  );
  const onEdgesChange = (changes: EdgeChange<HopFlowEdge>[]) =>
    setSelected((current) => selectionFrom(changes, "edge", current));

  if (error) return <p className="alert">{t("layoutFailed", { error })}</p>;
  const selection = laidOut && selected && selectionOf(laidOut, selected);
  return (
    <div className="topology-wrap">
      <div
        ref={measureCanvas}
        className="topology-canvas"
        role="region"
        aria-label={title}
        aria-busy={!painted}
        data-laid-out={painted ? "true" : "false"}
        data-level={key.split(":")[0]}
        data-layout-ms={laidOut ? Math.round(laidOut.layoutMs) : undefined}
        data-layout-engine={laidOut?.engine}
      >
        <ReactFlow<TopologyFlowNode, HopFlowEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          nodesDraggable={false}
          nodesConnectable={false}
          onlyRenderVisibleElements={key.startsWith("detail")}
          minZoom={0.01}
          fitView
          fitViewOptions={fitViewOptions}
          proOptions={{ hideAttribution: true }}
        >
          <Background />
          <Controls showInteractive={false} />
          {minimap && <MiniMap pannable zoomable ariaLabel={t("minimap")} />}
          {levels && key === "summary" ? <ExposureBars bars={levels.summary.bars} onOpen={zoomIntoExposure} /> : null}
          <Panel position="top-left">
            <div className="topology-toolbar">
              <ExportButtons
                fileName={title
                  .toLowerCase()
                  .replace(/[^a-z0-9]+/g, "-")
                  .replace(/^-|-$/g, "")}
              />
              <TopologyLegend />
            </div>
          </Panel>
        </ReactFlow>
      </div>
      {selection && <DetailsPanel selection={selection} onClose={() => setSelected(undefined)} />}
    </div>
  );
}

function selectionOf(laidOut: LaidOut, selected: Selected): Selection | undefined {
  if (selected.kind === "node") {
    const node = laidOut.graph.nodes.find((candidate) => candidate.id === selected.id);
    return node && { kind: "node", node };
  }
  const edge = laidOut.graph.edges.find((candidate) => candidate.id === selected.id);
  return edge && { kind: "edge", edge };
}
