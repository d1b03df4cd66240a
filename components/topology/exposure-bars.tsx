"use client";

import { ViewportPortal } from "@xyflow/react";
import { useTranslations } from "next-intl";
import { memo, type KeyboardEvent } from "react";
import { stateGlyphs } from "./node-glyphs";
import type { Box } from "@/lib/topology/layout";
import type { ExposureBar } from "@/lib/topology/level-of-detail";

// The zoomed-out platform map: every exposure as a bar in its worst state, all in one SVG inside the viewport (one
// element to draw instead of hundreds of React Flow nodes). A bar is a button: click it or press Enter to zoom in.

type Props = { bars: readonly ExposureBar[]; onOpen: (box: Box) => void };

function ExposureBarsView({ bars, onOpen }: Props) {
  const t = useTranslations("topologyMap");
  const states = useTranslations("topology.state");
  const onKeyDown = (event: KeyboardEvent, box: Box) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    onOpen(box);
  };
  return (
    <ViewportPortal>
      <svg className="topology-bars" aria-label={t("bars")} role="group">
        {bars.map(({ id, box, summary }) => (
          <g
            key={id}
            className="topology-bar"
            data-state={summary.state}
            role="button"
            tabIndex={0}
            aria-label={t("barZoom", { label: summary.label, state: states(summary.state) })}
            onClick={() => onOpen(box)}
            onKeyDown={(event) => onKeyDown(event, box)}
          >
            <title>{summary.reason ?? t("barTitle", { label: summary.label, state: states(summary.state) })}</title>
            <rect x={box.x} y={box.y + 8} width={box.width} height={box.height - 16} rx={8} />
            <text x={box.x + 16} y={box.y + box.height / 2} dominantBaseline="central">
              {stateGlyphs[summary.state]} {summary.label} · {states(summary.state)}
            </text>
          </g>
        ))}
      </svg>
    </ViewportPortal>
  );
}

export const ExposureBars = memo(ExposureBarsView);
