import type { Translatable } from "@/lib/i18n/translatable";
import type { HopInputs } from "../hops/hop";
import { hopTitles } from "../hops/hop-titles";
import { chainHops, type StepId } from "../hops/registry";
import type { Exposure, Hub } from "./exposure";

// Plans the link chain for one exposure as a graph of steps, from the hops' own placement. Pure: the same request and
// hub always give the same plan, so the approver sees exactly what the worker will run. Independent branches have no
// edge between them and run in parallel: the app-account endpoint service, the platform NLB and target group, and the
// REST API skeleton all start at once; the critical path is the endpoint chain or the NLB, then the VPC link.

export type PlannedStep = {
  id: StepId;
  account: "application" | "platform";
  /** A catalogue key (hops.*); plans stored before the portal spoke two languages hold the English title. */
  title: Translatable | string;
  /** The AWS calls the step makes, in order, as an approver reads them. */
  calls: string[];
  /** What the step leaves behind in AWS, if anything. */
  creates?: string;
  accountId: string;
  dependsOn: StepId[];
  inputs: HopInputs;
};

export function planChain(exposure: Exposure, hub: Hub): PlannedStep[] {
  return chainHops.flatMap((hop): PlannedStep[] => {
    const placement = hop.place(exposure, hub);
    if (!placement) return [];
    const { id, account, calls, creates } = hop;
    return [
      {
        id,
        account,
        title: { key: hopTitles[id] },
        calls,
        ...(creates ? { creates } : {}),
        accountId:
          account === "application" && exposure.source.kind === "crossAccountNlb"
            ? exposure.source.accountId
            : hub.accountId,
        dependsOn: placement.dependsOn.map((dependency) => dependency.id as StepId),
        inputs: placement.inputs ?? {},
      },
    ];
  });
}

/** The steps in an order that respects every dependency; throws on a cycle or a dangling dependency. */
export function topologicalOrder(steps: readonly PlannedStep[]): StepId[] {
  const byId = new Map(steps.map((step) => [step.id, step]));
  const order: StepId[] = [];
  const state = new Map<StepId, "visiting" | "done">();
  const visit = (id: StepId) => {
    if (state.get(id) === "done") return;
    if (state.get(id) === "visiting") throw new Error(`the plan has a cycle through ${id}`);
    const step = byId.get(id);
    if (!step) throw new Error(`a step depends on ${id}, which the plan does not have`);
    state.set(id, "visiting");
    for (const dependency of step.dependsOn) visit(dependency);
    state.set(id, "done");
    order.push(id);
  };
  for (const step of steps) visit(step.id);
  return order;
}

/** The earliest finish of the whole plan when every step takes `durationOf(step)` and independent steps overlap. */
export function criticalPathMs(steps: readonly PlannedStep[], durationOf: (id: StepId) => number): number {
  const finish = new Map<StepId, number>();
  const byId = new Map(steps.map((step) => [step.id, step]));
  for (const id of topologicalOrder(steps)) {
    const start = Math.max(0, ...(byId.get(id)?.dependsOn ?? []).map((dependency) => finish.get(dependency) ?? 0));
    finish.set(id, start + durationOf(id));
  }
  return Math.max(0, ...finish.values());
}
