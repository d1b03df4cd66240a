"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { stateGlyphs } from "./node-glyphs";
import type { TopologyEdge, TopologyNode } from "@/lib/topology/model";

export type Selection = { kind: "node"; node: TopologyNode } | { kind: "edge"; edge: TopologyEdge };

export function DetailsPanel({ selection, onClose }: { selection: Selection; onClose: () => void }) {
  const t = useTranslations("topology");
  const hops = useTranslations("hops");
  const format = useFormatter();
  const item = selection.kind === "node" ? selection.node : selection.edge;
  const title =
    selection.kind === "node" ? selection.node.label : t("details.hopTitle", { label: selection.edge.label });
  const step = selection.kind === "node" ? selection.node.createdBy : selection.edge.hop;
  const identifiers = selection.kind === "node" ? selection.node.identifiers : [];
  const lastVerified = item.lastVerifiedAt
    ? format.dateTime(new Date(item.lastVerifiedAt), "second")
    : t("details.notVerified");
  return (
    <aside className="topology-details" aria-label={t("details.title")}>
      <header>
        <h2>{title}</h2>
        <button type="button" className="button" onClick={onClose}>
          {t("details.close")}
        </button>
      </header>
      <dl>
        <dt>{t("details.kind")}</dt>
        <dd>
          {selection.kind === "node" ? t(`kind.${selection.node.kind}`) : t(`details.hopStyle.${selection.edge.style}`)}
        </dd>
        <dt>{t("details.state")}</dt>
        <dd data-testid="details-state">
          <span aria-hidden="true">{stateGlyphs[item.state]}</span> {t(`state.${item.state}`)}
        </dd>
        {item.reason && (
          <>
            <dt>{t("details.reason")}</dt>
            <dd data-testid="details-reason">{item.reason}</dd>
          </>
        )}
        {identifiers.map((identifier) => (
          <div key={identifier.label}>
            <dt>{identifier.label}</dt>
            <dd className="mono">{identifier.value}</dd>
          </div>
        ))}
        <dt>{t("details.createdBy")}</dt>
        <dd>{step ? t("details.step", { title: hops(step), step }) : t("details.preexisting")}</dd>
        <dt>{t("details.lastVerified")}</dt>
        <dd>{lastVerified}</dd>
        <dt>{t("details.exposures")}</dt>
        <dd>
          {item.requestIds.length === 1 ? (
            <Link href={`/topology/${item.requestIds[0]}`}>{t("details.openChain")}</Link>
          ) : (
            t("details.sharedBy", { count: item.requestIds.length })
          )}
        </dd>
      </dl>
      {selection.kind === "node" && selection.node.consoleUrl && (
        <a className="button" href={selection.node.consoleUrl} target="_blank" rel="noreferrer">
          {t("details.openConsole")}
        </a>
      )}
    </aside>
  );
}
