"use client";

import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import { kindGlyphs, stateGlyphs } from "./node-glyphs";
import { nodeKindLabels, stateLabels } from "@/lib/topology/model";
import type { ResourceFlowNode } from "@/lib/topology/to-flow";

// No <Handle> elements: the handles come with the node (lib/topology/to-flow.ts), so edges attach without them and
// mounting a node stays cheap.
function ResourceNodeView({ data }: NodeProps<ResourceFlowNode>) {
  const { node } = data;
  return (
    <div className="topology-node" data-kind={node.kind} data-state={node.state}>
      <span className="kind-glyph" aria-hidden="true">
        {kindGlyphs[node.kind]}
      </span>
      <span className="node-text">
        <strong>{node.label}</strong>
        <small>{nodeKindLabels[node.kind]}</small>
        {node.placements ? (
          <small className="placements">ENIs in {node.placements.map((placement) => placement.zone).join(" · ")}</small>
        ) : null}
        <span className="state-badge">
          <span aria-hidden="true">{stateGlyphs[node.state]}</span> {stateLabels[node.state]}
        </span>
      </span>
    </div>
  );
}

export const ResourceNode = memo(ResourceNodeView);
