"use client";

import { BaseEdge, getSmoothStepPath, getStraightPath, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import type { HopFlowEdge } from "@/lib/topology/to-flow";

// A hop of the chain. Into or out of a node drawn beside many rows (a shared hub component) it runs level with the
// node at its other end, so it stays short and straight. The label is plain SVG text with a halo: React Flow's own
// edge label measures itself in the DOM after mounting, which costs a second render per edge.

function HopEdgeView({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  label,
  markerEnd,
  data,
}: EdgeProps<HopFlowEdge>) {
  const fromY = data?.levelWith === "target" ? targetY : sourceY;
  const toY = data?.levelWith === "source" ? sourceY : targetY;
  const [path, labelX, labelY] =
    Math.abs(fromY - toY) < 1
      ? getStraightPath({ sourceX, sourceY: fromY, targetX, targetY: fromY })
      : getSmoothStepPath({ sourceX, sourceY: fromY, sourcePosition, targetX, targetY: toY, targetPosition });
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} />
      {label ? (
        <text className="hop-label" x={labelX} y={labelY} textAnchor="middle" dominantBaseline="central">
          {label}
        </text>
      ) : null}
    </>
  );
}

export const HopEdge = memo(HopEdgeView);
