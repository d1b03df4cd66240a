"use client";

import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { GroupFlowNode } from "@/lib/topology/to-flow";

function GroupNodeView({ data }: NodeProps<GroupFlowNode>) {
  return (
    <div className="topology-group" data-group-kind={data.group.kind}>
      <span className="group-label">{data.group.label}</span>
    </div>
  );
}

export const GroupNode = memo(GroupNodeView);
