import type { Box, TopologyLayout } from "./layout";
import type { TopologyGraph } from "./model";
import { columnOf, padding } from "./platform-columns";
import type { Segment } from "./platform-layout";

type ColumnSpan = { first: number; last: number };

/** Each group is the box around its children plus padding, innermost first; a group whose children leave a column to
 * its parent's resources is drawn as separate segments. */
export function boxGroups(
  graph: TopologyGraph,
  chainOf: (groupId: string) => string[],
  absolute: TopologyLayout,
  columnX: Map<number, number>,
): Record<string, Segment[]> {
  const columnIndex = new Map([...columnX.keys()].map((column, index) => [column, index]));
  const children = new Map<string, { box: Box; span: ColumnSpan }[]>();
  const addChild = (groupId: string | undefined, box: Box | undefined, span: ColumnSpan) => {
    if (!groupId || !box) return;
    const list = children.get(groupId) ?? [];
    list.push({ box, span });
    children.set(groupId, list);
  };
  for (const node of graph.nodes) {
    const index = columnIndex.get(columnOf[node.kind]) ?? 0;
    addChild(node.groupId, absolute[node.id], { first: index, last: index });
  }
  const segments: Record<string, Segment[]> = {};
  const innermostFirst = [...graph.groups].sort((a, b) => chainOf(b.id).length - chainOf(a.id).length);
  for (const group of innermostFirst) {
    const inside = children.get(group.id) ?? [];
    if (inside.length === 0) continue;
    const left = Math.min(...inside.map(({ box }) => box.x)) - padding.side;
    const top = Math.min(...inside.map(({ box }) => box.y)) - padding.top;
    const right = Math.max(...inside.map(({ box }) => box.x + box.width)) + padding.side;
    const bottom = Math.max(...inside.map(({ box }) => box.y + box.height)) + padding.bottom;
    const box = { x: left, y: top, width: right - left, height: bottom - top };
    absolute[group.id] = box;
    const span = {
      first: Math.min(...inside.map(({ span }) => span.first)),
      last: Math.max(...inside.map(({ span }) => span.last)),
    };
    const runs = columnRuns(inside);
    if (runs.length > 1)
      segments[group.id] = runs.map((run) => {
        const from = Math.min(...run.map(({ box: child }) => child.x)) - padding.side;
        const to = Math.max(...run.map(({ box: child }) => child.x + child.width)) + padding.side;
        return { x: from - left, width: to - from };
      });
    addChild(group.parentId, box, span);
  }
  return segments;
}

/** Children whose columns touch or overlap belong to one run; a column none of them uses starts a new one. */
function columnRuns<T extends { span: ColumnSpan }>(items: readonly T[]): T[][] {
  const sorted = [...items].sort((a, b) => a.span.first - b.span.first);
  const runs: T[][] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const item of sorted) {
    const current = runs.at(-1);
    if (current && item.span.first <= end + 1) current.push(item);
    else runs.push([item]);
    end = Math.max(end, item.span.last);
  }
  return runs;
}
