import type { RelinkKind } from "../hops/hop";
import { relinkHops, type RelinkStepId } from "../hops/registry";

// A migration or repair run as steps, in the order the relink hops place themselves: the link first, the V1 link's
// deletion (migration only) last, after the new path answered.

export type PlannedRelinkStep = { id: RelinkStepId; dependsOn: RelinkStepId[] };

export function planRelink(kind: RelinkKind): PlannedRelinkStep[] {
  return relinkHops.flatMap((hop) => {
    const placement = hop.place(kind);
    return placement
      ? [{ id: hop.id, dependsOn: placement.dependsOn.map((dependency) => dependency.id as RelinkStepId) }]
      : [];
  });
}
