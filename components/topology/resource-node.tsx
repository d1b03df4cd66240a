"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { useTranslations } from "next-intl";
import { memo } from "react";
import { kindGlyphs, stateGlyphs } from "./node-glyphs";
import type { ResourceFlowNode } from "@/lib/topology/to-flow";

function ResourceNodeView({ data }: NodeProps<ResourceFlowNode>) {
  const t = useTranslations("topology");
  const { node } = data;
  return (
    <div className="topology-node" data-kind={node.kind} data-state={node.state}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <span className="kind-glyph" aria-hidden="true">
        {kindGlyphs[node.kind]}
      </span>
      <span className="node-text">
        <strong>{node.label}</strong>
        <small>{t(`kind.${node.kind}`)}</small>
        {node.placements ? (
          <small className="placements">
            {t("node.enisIn", { zones: node.placements.map((placement) => placement.zone).join(" · ") })}
          </small>
        ) : null}
        <span className="state-badge">
          <span aria-hidden="true">{stateGlyphs[node.state]}</span> {t(`state.${node.state}`)}
        </span>
      </span>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

export const ResourceNode = memo(ResourceNodeView);
