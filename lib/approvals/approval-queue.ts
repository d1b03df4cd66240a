import { pendingDecisionOf, waitingStatus, type DecisionKind } from "./four-eyes";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Prisma, RequestStatus } from "@/lib/generated/prisma/client";
import type { DryRunResult } from "@/lib/provisioning/plan/dry-run/dry-run-exposure";

// What waits for a platform admin: new exposures and decommissions, oldest first, with counts per kind and filters by
// team, account, scenario and age.

export const approvalFilterSchema = z.object({
  team: z
    .string()
    .regex(/^[a-z0-9]{1,40}$/)
    .optional()
    .catch(undefined),
  account: z
    .string()
    .regex(/^\d{12}$/)
    .optional()
    .catch(undefined),
  scenario: z.enum(["cross_account_nlb", "remote_network"]).optional().catch(undefined),
  /** Only what has waited at least this many hours. */
  olderThanHours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .optional()
    .catch(undefined),
  kind: z.enum(["exposure", "decommission", "migration", "move"]).optional().catch(undefined),
});

export type ApprovalFilter = z.infer<typeof approvalFilterSchema>;

export type QueueItem = {
  requestId: string;
  kind: DecisionKind;
  apiName: string;
  scenario: "cross_account_nlb" | "remote_network";
  source: string;
  teamName: string;
  requesterName: string;
  waitingSince: string;
  waitedHours: number;
  blockers: number;
  warnings: number;
};

export type ApprovalQueue = { counts: Record<DecisionKind, number>; items: QueueItem[] };

export async function approvalQueue(db: Db, filter: ApprovalFilter, now = new Date()): Promise<ApprovalQueue> {
  const narrowing: Prisma.ExposureRequestWhereInput = {
    ...(filter.team ? { teamId: filter.team } : {}),
    ...(filter.account ? { sourceAccountId: filter.account } : {}),
    ...(filter.scenario ? { scenario: filter.scenario } : {}),
    ...(filter.olderThanHours
      ? { updatedAt: { lte: new Date(now.getTime() - filter.olderThanHours * 3_600_000) } }
      : {}),
  };
  const statuses = filter.kind ? [waitingStatus[filter.kind]] : Object.values(waitingStatus);
  // The four counts in one grouped query: under load every parallel query holds one of the process's pooled connections.
  const [requests, grouped] = await Promise.all([
    db.exposureRequest.findMany({
      where: { ...narrowing, status: { in: statuses } },
      include: { team: { select: { name: true } }, requester: { select: { name: true } } },
      orderBy: { updatedAt: "asc" },
      take: 500,
    }),
    db.exposureRequest.groupBy({
      by: ["status"],
      where: { ...narrowing, status: { in: Object.values(waitingStatus) } },
      _count: { _all: true },
    }),
  ]);
  const waiting = (status: RequestStatus) => grouped.find((group) => group.status === status)?._count._all ?? 0;
  return {
    counts: {
      exposure: waiting(waitingStatus.exposure),
      decommission: waiting(waitingStatus.decommission),
      migration: waiting(waitingStatus.migration),
      move: waiting(waitingStatus.move),
    },
    items: requests.map((request) => {
      const checks = (request.plan as DryRunResult | null)?.checks ?? [];
      return {
        requestId: request.id,
        kind: pendingDecisionOf(request.status) ?? "exposure",
        apiName: request.apiName,
        scenario: request.scenario,
        source:
          request.scenario === "cross_account_nlb"
            ? `account ${request.sourceAccountId ?? "?"}`
            : `${request.remoteNetworkName ?? "network"} (${request.remoteIps.join(", ")})`,
        teamName: request.team.name,
        requesterName: request.requester.name,
        waitingSince: request.updatedAt.toISOString(),
        waitedHours: Math.floor((now.getTime() - request.updatedAt.getTime()) / 3_600_000),
        blockers: checks.filter((check) => check.status === "blocker").length,
        warnings: checks.filter((check) => check.status === "warning").length,
      };
    }),
  };
}
