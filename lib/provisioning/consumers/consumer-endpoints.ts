import { z } from "zod";
import { buildResourcePolicy, serializeResourcePolicy, vpcEndpointIdSchema } from "../resource-policy";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { isPlatformAdmin, type CurrentUser } from "@/lib/auth/permissions";
import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma, type ConsumerEndpoints } from "@/lib/generated/prisma/client";
import type { StoredFix } from "../engine/stored-fix";

// Consumers in other VPCs (or accounts) call an exposure's private API through their own execute-api endpoints; the
// resource policy must allow each of them besides the hub's. Admins keep the list here; the reconcile job
// (reconcile-consumer-endpoints.ts) brings the REST API's policy and stage up to date with it.

/** The body of the API's PUT: the whole list. */
export const consumerEndpointListSchema = z.object({ vpcEndpointIds: z.array(vpcEndpointIdSchema) });

/** Replace the whole list (the API's PUT), or add and remove endpoints (the CLI). */
export type ConsumerEndpointChange = { set: readonly string[] } | { add: readonly string[]; remove: readonly string[] };

export type ConsumerEndpointsView = {
  requestId: string;
  /** The hub's execute-api endpoint: always allowed, never in the list. */
  hubEndpointId: string;
  vpcEndpointIds: string[];
  revision: number;
  appliedRevision: number;
  appliedAt: string | null;
  /** The REST API's stage serves the policy of the latest revision. */
  inSync: boolean;
  /** `fix` in English; `fixKey`/`fixValues` (absent in errors stored before) say it in the reader's language. */
  lastError: ({ message: string; awsError?: string } & Partial<StoredFix> & { fix: string }) | null;
};

function invalid(message: string): AppError {
  return new AppError("VALIDATION_FAILED", message, { fieldErrors: { vpcEndpointIds: [message] } });
}

function endpointIds(values: readonly string[]): string[] {
  const parsed = z.array(vpcEndpointIdSchema).safeParse(values);
  if (!parsed.success)
    throw invalid(
      parsed.error.issues.map((issue) => `${String(values[Number(issue.path[0])])}: ${issue.message}`).join("; "),
    );
  return parsed.data;
}

/** The list after a change: validated, without duplicates, sorted; refuses the hub's own endpoint and an oversize policy. */
export function nextConsumerEndpoints(
  current: readonly string[],
  change: ConsumerEndpointChange,
  hubEndpointId: string,
): string[] {
  const add = endpointIds("set" in change ? change.set : change.add);
  const removed = new Set("set" in change ? current : endpointIds(change.remove));
  const next = [...new Set([...current.filter((id) => !removed.has(id)), ...add])].sort();
  if (next.includes(hubEndpointId))
    throw invalid(`${hubEndpointId} is the hub's own execute-api endpoint; it is always allowed.`);
  try {
    serializeResourcePolicy(buildResourcePolicy([hubEndpointId, ...next]));
  } catch (error) {
    throw invalid(error instanceof Error ? error.message : String(error));
  }
  return next;
}

export function consumerEndpointsView(
  requestId: string,
  hubEndpointId: string,
  row: ConsumerEndpoints | null,
): ConsumerEndpointsView {
  const revision = row?.revision ?? 0;
  const appliedRevision = row?.appliedRevision ?? 0;
  return {
    requestId,
    hubEndpointId,
    vpcEndpointIds: row?.vpcEndpointIds ?? [],
    revision,
    appliedRevision,
    appliedAt: row?.appliedAt?.toISOString() ?? null,
    inSync: appliedRevision >= revision && !row?.deployPending,
    lastError: (row?.lastError as ConsumerEndpointsView["lastError"] | undefined) ?? null,
  };
}

export function assertMayChangeConsumers(user: CurrentUser): void {
  if (!isPlatformAdmin(user)) throw new AppError("FORBIDDEN", { key: "errors.provisioning.consumersAdminOnly" });
}

async function requestWithConsumers(db: Db | Tx, requestId: string) {
  const request = await db.exposureRequest.findUnique({
    where: { id: requestId },
    include: { hub: true, consumerEndpoints: true },
  });
  if (!request) throw new AppError("NOT_FOUND", { key: "errors.provisioning.requestNotFound", values: { requestId } });
  return request;
}

export async function getConsumerEndpoints(
  db: Db,
  user: CurrentUser,
  requestId: string,
): Promise<ConsumerEndpointsView> {
  assertMayChangeConsumers(user);
  const request = await requestWithConsumers(db, requestId);
  return consumerEndpointsView(request.id, request.hub.executeApiEndpointId, request.consumerEndpoints);
}

/**
 * Records the consumer endpoints an active exposure should allow, with its audit event, in one transaction. The
 * caller then queues the reconcile (the API, the CLI): also when nothing changed, so a failed reconcile can be retried.
 */
export async function changeConsumerEndpoints(
  db: Db,
  user: CurrentUser,
  requestId: string,
  change: ConsumerEndpointChange,
): Promise<ConsumerEndpointsView> {
  assertMayChangeConsumers(user);
  return db.$transaction(async (tx) => {
    const request = await activeRequestWithConsumers(tx, requestId);
    const next = nextConsumerEndpoints(
      request.consumerEndpoints?.vpcEndpointIds ?? [],
      change,
      request.hub.executeApiEndpointId,
    );
    return recordConsumerEndpoints(tx, user, request, next);
  });
}

/** The exposure with its hub and consumer endpoints; CONFLICT unless it is active. */
export async function activeRequestWithConsumers(tx: Tx, requestId: string) {
  const request = await requestWithConsumers(tx, requestId);
  if (request.status !== "active")
    throw new AppError("CONFLICT", {
      key: "errors.provisioning.consumersNeedActive",
      values: { requestId, status: request.status },
    });
  return request;
}

/** Writes the validated list `next` as the next revision with its audit event (inside the caller's transaction). */
export async function recordConsumerEndpoints(
  tx: Tx,
  user: CurrentUser,
  request: Awaited<ReturnType<typeof requestWithConsumers>>,
  next: string[],
): Promise<ConsumerEndpointsView> {
  const requestId = request.id;
  const hubEndpointId = request.hub.executeApiEndpointId;
  const row = request.consumerEndpoints;
  const current = row?.vpcEndpointIds ?? [];
  if (next.join() === current.join()) return consumerEndpointsView(requestId, hubEndpointId, row);
  const revision = (row?.revision ?? 0) + 1;
  // Compare-and-set on the revision: of two admins editing at once, the second is told to reload, never lost.
  const { count } = await tx.consumerEndpoints.updateMany({
    where: { requestId, revision: row?.revision ?? 0 },
    data: { vpcEndpointIds: next, revision, lastError: Prisma.DbNull },
  });
  if (count === 0) {
    if (row) throw new AppError("CONFLICT", { key: "errors.provisioning.consumersChanged" });
    await tx.consumerEndpoints.create({ data: { requestId, vpcEndpointIds: next, revision } });
  }
  const kept = new Set(next);
  await recordAuditEvent(tx, {
    actor: { id: user.id, label: user.email },
    action: "consumer_endpoints.changed",
    targetType: "request",
    targetId: requestId,
    details: {
      revision,
      vpcEndpointIds: next,
      added: next.filter((id) => !current.includes(id)),
      removed: current.filter((id) => !kept.has(id)),
    },
  });
  return consumerEndpointsView(
    requestId,
    hubEndpointId,
    await tx.consumerEndpoints.findUniqueOrThrow({ where: { requestId } }),
  );
}
