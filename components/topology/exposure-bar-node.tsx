"use client";

import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import { stateGlyphs } from "./node-glyphs";
import type { SummaryFlowNode } from "@/lib/topology/level-of-detail";
import { stateLabels } from "@/lib/topology/model";

/** One exposure on the zoomed-out platform map: its name and the worst state of its parts; selecting it zooms in. */
function ExposureBarView({ data }: NodeProps<SummaryFlowNode>) {
  const { summary } = data;
  return (
    <div className="topology-bar" data-state={summary.state} title={summary.reason}>
      <span aria-hidden="true">{stateGlyphs[summary.state]}</span>
      <strong>{summary.label}</strong>
      <span className="state-badge">{stateLabels[summary.state]}</span>
    </div>
  );
}

export const ExposureBarNode = memo(ExposureBarView);
