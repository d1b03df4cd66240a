import type { MapCell, MapGroup, MapGroupHub } from "./aggregate-platform";
import type { Box } from "./layout";
import { summaryRank } from "./level-of-detail";
import type { TopologyState } from "./model";

// The aggregate platform map on the page: each group (a hub's application account or remote network) becomes a card
// with its count, its counts per status and its worst state, inside a box per hub; the cards the viewport covers
// when zoomed in are the groups whose detail the page fetches. Plain functions, so the page and the tests share them.

export const cardSize = { width: 320, height: 136 };
const gap = 32;
const hubPadding = { top: 72, side: 32, bottom: 32 };
const cardsPerRow = 5;

export type OverviewCard = {
  group: MapGroup;
  count: number;
  worst: TopologyState;
  /** Status and count, most first. */
  statuses: [string, number][];
  /** Absolute. */
  box: Box;
};
export type OverviewHub = { hub: MapGroupHub; box: Box };
export type OverviewLayout = { hubs: OverviewHub[]; cards: OverviewCard[] };

/** Zoomed in at least this far, the page shows the detail of the group it shows most of (a group holds a few hundred
 * exposures at 5,000: one at a time keeps the detail fetch and its first paint bounded). */
export const detailFromZoom = 1.5;
export const detailGroupsInView = 1;

/** The groups' totals over the cells a filter keeps; a group left with no exposure is dropped. */
export function totalGroups(groups: readonly MapGroup[], keep: (cell: MapCell, group: MapGroup) => boolean) {
  return groups.flatMap((group) => {
    const cells = group.cells.filter((cell) => keep(cell, group));
    if (cells.length === 0) return [];
    const statuses = new Map<string, number>();
    let worst = cells[0]?.worst ?? "healthy";
    for (const cell of cells) {
      statuses.set(cell.status, (statuses.get(cell.status) ?? 0) + cell.count);
      if (summaryRank[cell.worst] > summaryRank[worst]) worst = cell.worst;
    }
    return [
      {
        group,
        count: cells.reduce((sum, cell) => sum + cell.count, 0),
        worst,
        statuses: [...statuses].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
      },
    ];
  });
}

/** One box per hub, one under the other; its groups' cards in rows inside, accounts before remote networks. */
export function layoutOverview(totals: ReturnType<typeof totalGroups>): OverviewLayout {
  const byHub = new Map<string, ReturnType<typeof totalGroups>>();
  for (const total of totals) byHub.set(total.group.hub.id, [...(byHub.get(total.group.hub.id) ?? []), total]);
  const hubs: OverviewHub[] = [];
  const cards: OverviewCard[] = [];
  let top = 0;
  for (const members of byHub.values()) {
    const hub = members[0]?.group.hub;
    if (!hub) continue;
    const sorted = [...members].sort((a, b) => sideOrder(a.group) - sideOrder(b.group));
    sorted.forEach((total, index) => {
      const column = index % cardsPerRow;
      const row = Math.floor(index / cardsPerRow);
      cards.push({
        ...total,
        box: {
          x: hubPadding.side + column * (cardSize.width + gap),
          y: top + hubPadding.top + row * (cardSize.height + gap),
          ...cardSize,
        },
      });
    });
    const columns = Math.min(cardsPerRow, sorted.length);
    const rows = Math.ceil(sorted.length / cardsPerRow);
    const box = {
      x: 0,
      y: top,
      width: 2 * hubPadding.side + columns * cardSize.width + (columns - 1) * gap,
      height: hubPadding.top + rows * cardSize.height + (rows - 1) * gap + hubPadding.bottom,
    };
    hubs.push({ hub, box });
    top += box.height + gap;
  }
  return { hubs, cards };
}

const sideOrder = (group: MapGroup) => (group.side.kind === "account" ? 0 : 1);

/**
 * The groups whose cards the viewport (in diagram units) shows most of, at most `limit` of them, once zoomed in far
 * enough: what the detail view shows. Undefined while the overview should stay.
 */
export function groupsInView(
  cards: readonly OverviewCard[],
  viewport: Box,
  zoom: number,
  limit: number,
): string[] | undefined {
  if (zoom < detailFromZoom) return undefined;
  const shown = (box: Box) =>
    Math.max(0, Math.min(box.x + box.width, viewport.x + viewport.width) - Math.max(box.x, viewport.x)) *
    Math.max(0, Math.min(box.y + box.height, viewport.y + viewport.height) - Math.max(box.y, viewport.y));
  const inView = cards
    .map((card) => ({ id: card.group.id, area: shown(card.box) }))
    .filter(({ area }) => area > 0)
    .sort((a, b) => b.area - a.area || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
  return inView.length > 0 ? inView.map(({ id }) => id) : undefined;
}
