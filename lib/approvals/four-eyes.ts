import type { Translatable } from "@/lib/i18n/translatable";

// Four-eyes: nobody decides a request they submitted, nor a decommission or migration they asked for. One rule for
// the server's refusal and for the request page, which shows the reason instead of buttons the server would refuse.

export type DecisionKind = "exposure" | "decommission" | "migration" | "move";

/** The status a request waits in for each kind of decision. */
export const waitingStatus = {
  exposure: "pending_approval",
  decommission: "decommission_pending",
  migration: "migration_pending",
  move: "move_pending",
} as const satisfies Record<DecisionKind, string>;

/** The decision a request in `status` waits for, or null when it waits for none. */
export function pendingDecisionOf(status: string): DecisionKind | null {
  const kinds = Object.keys(waitingStatus) as DecisionKind[];
  return kinds.find((kind) => waitingStatus[kind] === status) ?? null;
}

/** The audit action that records who asked for a change an admin then decides. */
export const askedForBy = {
  decommission: "request.decommission_requested",
  migration: "request.migration_requested",
  move: "request.move_requested",
} as const;

export function fourEyesRefusal(
  actorId: string,
  /** `askedById`: who asked for the decommission or migration being decided. */
  request: { requesterId: string; askedById?: string | null },
  kind: DecisionKind,
): Translatable | null {
  if (request.requesterId === actorId) return { key: "errors.approvals.ownRequest" };
  if (kind !== "exposure" && request.askedById === actorId) return { key: `errors.approvals.askedFor.${kind}` };
  return null;
}
