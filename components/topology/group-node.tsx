"use client";

import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { GroupFlowNode } from "@/lib/topology/to-flow";

/** An account, VPC or network boundary with its name and identifiers (a VPC's subnets); a VPC interrupted by its
 * account's regional services is drawn as its segments. */
function GroupNodeView({ data, width }: NodeProps<GroupFlowNode>) {
  const { group, segments = [{ x: 0, width: width ?? 0 }] } = data;
  const details = group.identifiers.map((identifier) => `${identifier.label}: ${identifier.value}`).join(" · ");
  return segments.map((segment) => (
    <div
      key={segment.x}
      className={`topology-group boundary-${group.kind}`}
      style={{ left: segment.x, width: segment.width }}
    >
      <span className="group-label">{group.label}</span>
      {details ? <span className="group-detail">{details}</span> : null}
    </div>
  ));
}

export const GroupNode = memo(GroupNodeView);
