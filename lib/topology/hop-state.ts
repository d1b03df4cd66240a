import type { ExposureFacts } from "./exposure-facts";
import type { TopologyState } from "./model";
import type { Words } from "./topology-words";
import type { StepId } from "@/lib/provisioning/hops/registry";

// The state of one node or edge of an exposure from the steps that make it: before a run it is planned; during the
// run it follows the steps; once verified, a hop the latest check found broken turns degraded (or failed when the
// resource is missing) with the check's reason; after teardown it is deleted. Gatehouse's own reasons are in the
// reader's words; what a step or a check recorded (AWS's messages among them) is shown as it was recorded.

export type HopState = { state: TopologyState; reason?: string; lastVerifiedAt?: string };

const goneStatuses = new Set(["decommissioned", "withdrawn"]);

export type HopSource = {
  /** The steps that create or wire this node or edge; none for what existed before Gatehouse. */
  steps: readonly StepId[];
  /** The kind of ProvisionedResource it stands for, to see when teardown deleted it. */
  resourceKind?: string;
  /** The verify hops that speak about it; the steps by default. */
  checkedHops?: readonly StepId[];
};

export function hopState(
  facts: ExposureFacts,
  { steps, resourceKind, checkedHops = steps }: HopSource,
  words: Words,
): HopState {
  const { request, latestCheck } = facts;
  const lastVerifiedAt = latestCheck?.checkedAt;
  if (steps.length > 0 && (goneStatuses.has(request.status) || isResourceDeleted(facts, resourceKind))) {
    return { state: "deleted", reason: words({ key: "topology.reason.deleted" }) };
  }
  const progress = steps.length > 0 ? stepProgress(facts, steps, words) : { state: "healthy" as const };
  if (progress.state !== "healthy") return progress;
  return checkVerdict(facts, checkedHops, words) ?? { state: "healthy", lastVerifiedAt };
}

function isResourceDeleted(facts: ExposureFacts, kind: string | undefined): boolean {
  if (!kind) return false;
  const recorded = facts.resources.filter((resource) => resource.kind === kind);
  return recorded.length > 0 && recorded.every((resource) => Boolean(resource.deletedAt));
}

function stepProgress(facts: ExposureFacts, steps: readonly StepId[], words: Words): HopState {
  const rows = facts.steps.filter((step) => steps.includes(step.stepId as StepId));
  if (rows.length === 0)
    return {
      state: "planned",
      reason: words({
        key: "topology.reason.willBeCreated",
        values: { hop: words({ key: `hops.${steps[0] as StepId}` }) },
      }),
    };
  const failed = rows.find((step) => step.status === "failed");
  if (failed)
    return {
      state: "failed",
      reason:
        [failed.error?.message, failed.error?.fix].filter(Boolean).join(" ") ||
        words({ key: "topology.reason.stepFailed", values: { step: failed.stepId } }),
    };
  if (rows.every((step) => step.status === "succeeded")) return { state: "healthy" };
  if (rows.every((step) => step.status === "pending"))
    return { state: "planned", reason: words({ key: "topology.reason.waitingForEarlierSteps" }) };
  const waiting = rows.find((step) => step.status === "waiting" && step.error?.waitingFor);
  return { state: "creating", reason: waiting?.error?.waitingFor ?? words({ key: "topology.reason.working" }) };
}

/** The latest verify's word on these steps, when it found something wrong with one of them. */
function checkVerdict(facts: ExposureFacts, steps: readonly StepId[], words: Words): HopState | undefined {
  const check = facts.latestCheck;
  if (!check || check.healthy) return undefined;
  const owns = (hop: string | null | undefined) => Boolean(hop) && steps.includes(hop as StepId);
  const hop = check.hops.find((entry) => owns(entry.hop) && entry.state !== "healthy");
  if (!hop && !owns(check.brokenHop)) return undefined;
  const reason =
    (owns(check.brokenHop) ? check.reason : undefined) ??
    hop?.detail ??
    check.reason ??
    words({ key: "topology.reason.brokenHop" });
  return { state: hop?.state === "missing" ? "failed" : "degraded", reason, lastVerifiedAt: check.checkedAt };
}
