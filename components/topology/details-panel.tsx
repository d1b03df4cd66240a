"use client";

import Link from "next/link";
import { stateGlyphs } from "./node-glyphs";
import { hopTitles } from "@/lib/provisioning/hops/hop-titles";
import { nodeKindLabels, stateLabels, type TopologyEdge, type TopologyNode } from "@/lib/topology/model";

export type Selection = { kind: "node"; node: TopologyNode } | { kind: "edge"; edge: TopologyEdge };

export function DetailsPanel({ selection, onClose }: { selection: Selection; onClose: () => void }) {
  const item = selection.kind === "node" ? selection.node : selection.edge;
  const title = selection.kind === "node" ? selection.node.label : `Hop: ${selection.edge.label}`;
  const step = selection.kind === "node" ? selection.node.createdBy : selection.edge.hop;
  const identifiers = selection.kind === "node" ? selection.node.identifiers : [];
  return (
    <aside className="topology-details" aria-label="Details">
      <header>
        <h2>{title}</h2>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </header>
      <dl>
        <dt>Kind</dt>
        <dd>{selection.kind === "node" ? nodeKindLabels[selection.node.kind] : `${selection.edge.style} hop`}</dd>
        <dt>State</dt>
        <dd data-testid="details-state">
          <span aria-hidden="true">{stateGlyphs[item.state]}</span> {stateLabels[item.state]}
        </dd>
        {item.reason && (
          <>
            <dt>Reason</dt>
            <dd data-testid="details-reason">{item.reason}</dd>
          </>
        )}
        {identifiers.map((identifier) => (
          <div key={identifier.label}>
            <dt>{identifier.label}</dt>
            <dd className="mono">{identifier.value}</dd>
          </div>
        ))}
        <dt>Created by step</dt>
        <dd>{step ? `${hopTitles[step]} (${step})` : "Existed before Gatehouse"}</dd>
        <dt>Last verified</dt>
        <dd>{item.lastVerifiedAt ? new Date(item.lastVerifiedAt).toLocaleString() : "Not verified yet"}</dd>
        <dt>Exposures</dt>
        <dd>
          {item.requestIds.length === 1 ? (
            <Link href={`/topology/${item.requestIds[0]}`}>Open this exposure&apos;s chain</Link>
          ) : (
            `Shared by ${item.requestIds.length} exposures`
          )}
        </dd>
      </dl>
      {selection.kind === "node" && selection.node.consoleUrl && (
        <a className="button" href={selection.node.consoleUrl} target="_blank" rel="noreferrer">
          Open in the AWS console
        </a>
      )}
    </aside>
  );
}
