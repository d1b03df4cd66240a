"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { kindGlyphs, stateGlyphs } from "./node-glyphs";
import { nodeKindLabels, stateLabels } from "@/lib/topology/model";
import type { ResourceFlowNode } from "@/lib/topology/to-flow";

function ResourceNodeView({ data }: NodeProps<ResourceFlowNode>) {
  const { node } = data;
  return (
    <div className="topology-node" data-kind={node.kind} data-state={node.state}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
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
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

export const ResourceNode = memo(ResourceNodeView);
