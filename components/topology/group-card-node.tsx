"use client";

import type { Node, NodeProps } from "@xyflow/react";
import { useTranslations } from "next-intl";
import { memo } from "react";
import { stateGlyphs } from "./node-glyphs";
import { useStatusWord } from "@/components/use-status-word";
import type { OverviewCard } from "@/lib/topology/overview-layout";

export type GroupCardFlowNode = Node<{ card: OverviewCard; onOpen: (groupId: string) => void }, "group-card">;

/** One group of the overview: an application account (or remote network) behind a hub, its exposures counted per
 * status and its worst state; a button that opens the group's detail. */
function GroupCardNodeView({ data }: NodeProps<GroupCardFlowNode>) {
  const { card, onOpen } = data;
  const t = useTranslations("topologyMap");
  const statusWord = useStatusWord();
  const states = useTranslations("topology.state");
  const { side } = card.group;
  const title = side.kind === "account" ? [side.alias, `(${side.accountId})`].filter(Boolean).join(" ") : side.name;
  return (
    <button
      type="button"
      className="topology-node overview-card nodrag"
      data-state={card.worst}
      data-group={card.group.id}
      onClick={() => onOpen(card.group.id)}
    >
      <span className="node-text">
        <strong>{title}</strong>
        <small>{side.kind === "account" ? t("applicationAccount") : t("remoteNetwork")}</small>
        <span className="overview-count">{t("exposures", { count: card.count })}</span>
        <small>{card.statuses.map(([value, count]) => `${statusWord(value)} ${count}`).join(" · ")}</small>
        <span className="state-badge">
          <span aria-hidden="true">{stateGlyphs[card.worst]}</span> {states(card.worst)}
        </span>
      </span>
    </button>
  );
}

export const GroupCardNode = memo(GroupCardNodeView);
