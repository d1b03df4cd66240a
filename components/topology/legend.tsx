import { useTranslations } from "next-intl";
import { kindGlyphs, stateGlyphs } from "./node-glyphs";
import { nodeKinds, topologyStates } from "@/lib/topology/model";

export function TopologyLegend() {
  const t = useTranslations("topology");
  return (
    <details className="topology-legend">
      <summary>{t("legend.title")}</summary>
      <div className="legend-columns">
        <ul aria-label={t("legend.nodeKinds")}>
          {nodeKinds.map((kind) => (
            <li key={kind}>
              <span className="kind-glyph" aria-hidden="true">
                {kindGlyphs[kind]}
              </span>{" "}
              {t(`kind.${kind}`)}
            </li>
          ))}
        </ul>
        <ul aria-label={t("legend.states")}>
          {topologyStates.map((state) => (
            <li key={state}>
              <span className="legend-state" data-state={state}>
                <span aria-hidden="true">{stateGlyphs[state]}</span> {t(`state.${state}`)}
              </span>
            </li>
          ))}
          <li>
            <span className="legend-line legend-privatelink" aria-hidden="true" /> {t("legend.privateLink")}
          </li>
          <li>
            <span className="legend-line legend-routed" aria-hidden="true" /> {t("legend.routed")}
          </li>
        </ul>
      </div>
    </details>
  );
}
