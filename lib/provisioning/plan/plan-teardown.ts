import type { Exposure, Hub } from "./exposure";
import { teardownHops, type TeardownStepId } from "../hops/registry";

// Rollback and decommission take the chain down in reverse, in the order the teardown hops place themselves: nothing
// is deleted while something in front of it still uses it.

export type PlannedTeardownStep = { id: TeardownStepId; dependsOn: TeardownStepId[] };

export function planTeardown(scenario: Exposure["source"]["kind"], linkMode: Hub["linkMode"]): PlannedTeardownStep[] {
  return teardownHops.flatMap((hop) => {
    const placement = hop.place(scenario, linkMode);
    return placement
      ? [{ id: hop.id, dependsOn: placement.dependsOn.map((dependency) => dependency.id as TeardownStepId) }]
      : [];
  });
}
