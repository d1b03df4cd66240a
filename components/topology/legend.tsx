import { kindGlyphs, stateGlyphs } from "./node-glyphs";
import { nodeKindLabels, nodeKinds, stateLabels, topologyStates } from "@/lib/topology/model";

export function TopologyLegend() {
  return (
    <details className="topology-legend">
      <summary>Legend</summary>
      <div className="legend-columns">
        <ul aria-label="Node kinds">
          {nodeKinds.map((kind) => (
            <li key={kind}>
              <span className="kind-glyph" aria-hidden="true">
                {kindGlyphs[kind]}
              </span>{" "}
              {nodeKindLabels[kind]}
            </li>
          ))}
        </ul>
        <ul aria-label="States">
          {topologyStates.map((state) => (
            <li key={state}>
              <span className="legend-state" data-state={state}>
                <span aria-hidden="true">{stateGlyphs[state]}</span> {stateLabels[state]}
              </span>
            </li>
          ))}
          <li>
            <span className="legend-line legend-privatelink" aria-hidden="true" /> PrivateLink
          </li>
          <li>
            <span className="legend-line legend-routed" aria-hidden="true" /> Routed (transit gateway)
          </li>
        </ul>
      </div>
    </details>
  );
}
