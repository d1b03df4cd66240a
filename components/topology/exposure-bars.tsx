"use client";

import { ViewportPortal } from "@xyflow/react";
import { memo, type KeyboardEvent } from "react";
import { stateGlyphs } from "./node-glyphs";
import type { Box } from "@/lib/topology/layout";
import type { ExposureBar } from "@/lib/topology/level-of-detail";
import { stateLabels } from "@/lib/topology/model";

// The zoomed-out platform map: every exposure as a bar in its worst state, all in one SVG inside the viewport (one
// element to draw instead of hundreds of React Flow nodes). A bar is a button: click it or press Enter to zoom in.

type Props = { bars: readonly ExposureBar[]; onOpen: (box: Box) => void };

function ExposureBarsView({ bars, onOpen }: Props) {
  const onKeyDown = (event: KeyboardEvent, box: Box) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    onOpen(box);
  };
  return (
    <ViewportPortal>
      <svg className="topology-bars" aria-label="Exposures" role="group">
        {bars.map(({ id, box, summary }) => (
          <g
            key={id}
            className="topology-bar"
            data-state={summary.state}
            role="button"
            tabIndex={0}
            aria-label={`${summary.label}, ${stateLabels[summary.state]}: zoom in`}
            onClick={() => onOpen(box)}
            onKeyDown={(event) => onKeyDown(event, box)}
          >
            <title>{summary.reason ?? `${summary.label}: ${stateLabels[summary.state]}`}</title>
            <rect x={box.x} y={box.y + 8} width={box.width} height={box.height - 16} rx={8} />
            <text x={box.x + 16} y={box.y + box.height / 2} dominantBaseline="central">
              {stateGlyphs[summary.state]} {summary.label} · {stateLabels[summary.state]}
            </text>
          </g>
        ))}
      </svg>
    </ViewportPortal>
  );
}

export const ExposureBars = memo(ExposureBarsView);
