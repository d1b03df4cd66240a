"use client";

import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useEdgesState,
  useNodesState,
  useReactFlow,
  type OnSelectionChangeParams,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import "./topology.css";
import { useEffect, useMemo, useState } from "react";
import { DetailsPanel, type Selection } from "./details-panel";
import { ExportButtons } from "./export-buttons";
import { GroupNode } from "./group-node";
import { TopologyLegend } from "./legend";
import { ResourceNode } from "./resource-node";
import { useTopologyLayout } from "./use-topology-layout";
import type { TopologyGraph } from "@/lib/topology/model";
import { toFlow, type HopFlowEdge, type TopologyFlowNode } from "@/lib/topology/to-flow";

const nodeTypes = { resource: ResourceNode, "group-boundary": GroupNode };

export type TopologyCanvasProps = {
  graph: TopologyGraph | undefined;
  /** Names the exported files and the canvas for assistive technology. */
  title: string;
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

function Canvas({ graph, title, minimap = false, focusNodeId }: TopologyCanvasProps) {
  const { laidOut, error } = useTopologyLayout(graph);
  const flow = useMemo(() => (laidOut ? toFlow(laidOut.graph, laidOut.layout) : undefined), [laidOut]);
  const [nodes, setNodes, onNodesChange] = useNodesState<TopologyFlowNode>([]);
  const [edges, setEdges, onEdgesChange] = useEdgesState<HopFlowEdge>([]);
  const [selection, setSelection] = useState<Selection>();
  const [painted, setPainted] = useState(false);
  const { fitView } = useReactFlow();

  useEffect(() => {
    if (!flow) return;
    setNodes(flow.nodes);
    setEdges(flow.edges);
    // Two frames: React commits the nodes, React Flow measures them, then the browser paints.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        setPainted(true);
        performance.mark("topology:painted");
      }),
    );
  }, [flow, setNodes, setEdges]);

  useEffect(() => {
    if (!focusNodeId || !flow) return;
    setNodes((current) => current.map((node) => ({ ...node, selected: node.id === focusNodeId })));
    void fitView({ nodes: [{ id: focusNodeId }], duration: 300, maxZoom: 1.2 });
  }, [focusNodeId, flow, setNodes, fitView]);

  const onSelectionChange = ({
    nodes: selectedNodes,
    edges: selectedEdges,
  }: OnSelectionChangeParams<TopologyFlowNode, HopFlowEdge>) => {
    const node = selectedNodes.find((candidate) => candidate.type === "resource");
    const edge = selectedEdges[0];
    if (node?.type === "resource") setSelection({ kind: "node", node: node.data.node });
    else if (edge?.data) setSelection({ kind: "edge", edge: edge.data.edge });
    else setSelection(undefined);
  };

  if (error) return <p className="alert">The diagram could not be laid out: {error}</p>;
  return (
    <div className="topology-wrap">
      <div
        className="topology-canvas"
        role="region"
        aria-label={title}
        aria-busy={!painted}
        data-laid-out={painted ? "true" : "false"}
        data-layout-ms={laidOut ? Math.round(laidOut.layoutMs) : undefined}
        data-layout-engine={laidOut?.engine}
      >
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onSelectionChange={onSelectionChange}
          nodesDraggable={false}
          nodesConnectable={false}
          onlyRenderVisibleElements={nodes.length > 200}
          minZoom={0.02}
          fitView
          proOptions={{ hideAttribution: true }}
        >
          <Background />
          <Controls showInteractive={false} />
          {minimap && <MiniMap pannable zoomable ariaLabel="Minimap" />}
          <Panel position="top-left">
            <div className="topology-toolbar">
              <ExportButtons fileName={title.toLowerCase().replace(/[^a-z0-9]+/g, "-")} />
              <TopologyLegend />
            </div>
          </Panel>
        </ReactFlow>
      </div>
      {selection && <DetailsPanel selection={selection} onClose={() => setSelection(undefined)} />}
    </div>
  );
}
