"use client";

import {
  Background,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  useStore,
  type Node,
  type ReactFlowState,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import "./topology.css";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useState } from "react";
import { GroupCardNode, type GroupCardFlowNode } from "./group-card-node";
import { GroupNode } from "./group-node";
import { MapFilters, matchesFilters, type FilterFacts, type Filters } from "./map-filters";
import type { MapCell, MapGroup } from "@/lib/topology/aggregate-platform";
import {
  detailGroupsInView,
  groupsInView,
  layoutOverview,
  totalGroups,
  type OverviewLayout,
} from "@/lib/topology/overview-layout";
import { placed, type GroupFlowNode } from "@/lib/topology/to-flow";

const nodeTypes = { "group-boundary": GroupNode, "group-card": GroupCardNode };
const fitViewOptions = { padding: { top: "56px", x: "12px", bottom: "12px" }, maxZoom: 1 } as const;

type Props = {
  groups: readonly MapGroup[];
  filters: Filters;
  onFilters: (filters: Filters) => void;
  /** Show the detail of these groups. */
  onOpen: (groupIds: string[]) => void;
};

const cellFacts = (cell: MapCell, group: MapGroup): FilterFacts => ({
  ...cell,
  accountId: group.side.kind === "account" ? group.side.accountId : null,
});

/** A large platform map at a glance: a card per hub and application account (or remote network). */
export function PlatformOverview({ groups, filters, onFilters, onOpen }: Props) {
  const options = useMemo(() => groups.flatMap((group) => group.cells.map((cell) => cellFacts(cell, group))), [groups]);
  const layout = useMemo(() => {
    const laidOut = layoutOverview(
      totalGroups(groups, (cell, group) => matchesFilters(filters, cellFacts(cell, group))),
    );
    performance.mark("topology:laid-out");
    return laidOut;
  }, [groups, filters]);
  return (
    <>
      <MapFilters options={options} filters={filters} onChange={onFilters} />
      <ReactFlowProvider>
        <OverviewCanvas layout={layout} onOpen={onOpen} />
      </ReactFlowProvider>
    </>
  );
}

function OverviewCanvas({ layout, onOpen }: { layout: OverviewLayout; onOpen: (groupIds: string[]) => void }) {
  const t = useTranslations("topologyMap");
  const [painted, setPainted] = useState(false);
  const open = useCallback((groupId: string) => onOpen([groupId]), [onOpen]);
  const nodes = useMemo(
    (): (GroupFlowNode | GroupCardFlowNode)[] => [
      ...layout.hubs.map(({ hub, box }): GroupFlowNode => ({
        id: `hub:${hub.id}`,
        type: "group-boundary",
        ...placed(box),
        data: {
          group: {
            id: `hub:${hub.id}`,
            kind: "account",
            label: t("platformAccount", { alias: hub.accountAlias, accountId: hub.accountId }),
            identifiers: [{ label: t("hubVpc"), value: `${hub.vpcId} (${hub.region})` }],
          },
        },
        selectable: false,
        focusable: false,
        draggable: false,
      })),
      ...layout.cards.map((card): GroupCardFlowNode => ({
        id: card.group.id,
        type: "group-card",
        ...placed(card.box),
        data: { card, onOpen: open },
        selectable: false,
        draggable: false,
      })),
    ],
    [layout, open, t],
  );
  // Zoomed in on a few cards: their groups' detail. The selector returns a string, so panning re-renders nothing.
  const inView = useStore(
    useCallback(
      ({ transform: [x, y, zoom], width, height }: ReactFlowState) =>
        groupsInView(
          layout.cards,
          { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom },
          zoom,
          detailGroupsInView,
        )?.join("\n") ?? "",
      [layout],
    ),
  );
  useEffect(() => {
    if (inView) onOpen(inView.split("\n"));
  }, [inView, onOpen]);
  useEffect(() => {
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        setPainted(true);
        performance.mark("topology:painted");
      }),
    );
  }, [layout]);

  return (
    <div className="topology-wrap">
      <div
        className="topology-canvas"
        role="region"
        aria-label={t("canvas")}
        aria-busy={!painted}
        data-laid-out={painted ? "true" : "false"}
        data-level="overview"
      >
        <ReactFlow<Node>
          nodes={nodes}
          nodeTypes={nodeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          minZoom={0.05}
          maxZoom={4}
          fitView
          fitViewOptions={fitViewOptions}
          proOptions={{ hideAttribution: true }}
        >
          <Background />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
    </div>
  );
}
