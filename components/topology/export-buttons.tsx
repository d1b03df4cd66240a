"use client";

import { getNodesBounds, getViewportForBounds, useReactFlow } from "@xyflow/react";
import { toPng, toSvg } from "html-to-image";
import { useTranslations } from "next-intl";

// Exports the whole diagram (not only what is on screen), as React Flow's own download-image example does.

const imageWidth = 2400;

export function ExportButtons({ fileName }: { fileName: string }) {
  const t = useTranslations("topology.export");
  const { getNodes } = useReactFlow();
  const exportAs = async (format: "png" | "svg") => {
    const viewport = document.querySelector<HTMLElement>(".topology-canvas .react-flow__viewport");
    if (!viewport) return;
    const bounds = getNodesBounds(getNodes());
    const height = Math.min(6000, Math.max(600, Math.round((imageWidth * bounds.height) / Math.max(bounds.width, 1))));
    const fit = getViewportForBounds(bounds, imageWidth, height, 0.05, 2, 0.05);
    const options = {
      backgroundColor: "#ffffff",
      width: imageWidth,
      height,
      style: {
        width: `${imageWidth}px`,
        height: `${height}px`,
        transform: `translate(${fit.x}px, ${fit.y}px) scale(${fit.zoom})`,
      },
    };
    const dataUrl = format === "png" ? await toPng(viewport, options) : await toSvg(viewport, options);
    const link = document.createElement("a");
    link.download = `${fileName}.${format}`;
    link.href = dataUrl;
    link.click();
  };
  return (
    <div className="topology-export" role="group" aria-label={t("group")}>
      <button type="button" className="button" onClick={() => void exportAs("png")}>
        {t("png")}
      </button>
      <button type="button" className="button" onClick={() => void exportAs("svg")}>
        {t("svg")}
      </button>
    </div>
  );
}
