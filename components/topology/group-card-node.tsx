"use client";

import type { Node, NodeProps } from "@xyflow/react";
import { memo } from "react";
import { stateGlyphs } from "./node-glyphs";
import { stateLabels } from "@/lib/topology/model";
import type { OverviewCard } from "@/lib/topology/overview-layout";

export type GroupCardFlowNode = Node<{ card: OverviewCard; onOpen: (groupId: string) => void }, "group-card">;

/** One group of the overview: an application account (or remote network) behind a hub, its exposures counted per
 * status and its worst state; a button that opens the group's detail. */
function GroupCardNodeView({ data }: NodeProps<GroupCardFlowNode>) {
  const { card, onOpen } = data;
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
        <small>{side.kind === "account" ? "Application account" : "Remote network"}</small>
        <span className="overview-count">{card.count} exposures</span>
        <small>{card.statuses.map(([status, count]) => `${status} ${count}`).join(" · ")}</small>
        <span className="state-badge">
          <span aria-hidden="true">{stateGlyphs[card.worst]}</span> {stateLabels[card.worst]}
        </span>
      </span>
    </button>
  );
}

export const GroupCardNode = memo(GroupCardNodeView);
