import { CreateDeploymentCommand, GetRestApiCommand, UpdateRestApiCommand } from "@aws-sdk/client-api-gateway";
import { reserveCallSlot } from "../engine/api-call-pacing";
import { activeChainOf } from "../verify/chain-checks";
import { allowedVpcEndpointIds, associationPatch, iamPrincipalsOf } from "./allowed-endpoints";
import { applyMethodAuthorization, methodAuthorizationUpdates } from "./method-authorization";
import { platformAccessOf } from "../engine/request-access";
import {
  buildResourcePolicy,
  endpointsAllowedBy,
  principalsAllowedBy,
  sameEndpoints,
  serializeResourcePolicy,
} from "../resource-policy";
import { isAccessDenied } from "@/lib/aws/access-denied";
import { isTransient } from "../engine/step-runtime";
import { storedFix, type StoredFix } from "../engine/stored-fix";
import { recordAuditEvent, systemActor } from "@/lib/audit/record-audit-event";
import type { ClientFactory } from "@/lib/aws/client-factory";
import type { Db, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

// Brings an active exposure's REST API up to date with its consumer endpoints: reads the live resource policy, writes
// the one buildResourcePolicy makes only when it allows other endpoints, and then deploys the stage, since callers
// see a policy only through a deployment. Its API Gateway writes are serialized per account in this process (the
// client factory), and its deployment takes a turn on the CreateDeployment timeline the runs share. Idempotent: run
// twice, the second run finds nothing to do. A transient AWS error (throttling, 5xx) is thrown for the job to retry;
// a permanent one is recorded for the admin with the fix.

export type ReconcileDependencies = { db: Db; clients: ClientFactory };

export type ReconcileOutcome =
  | { status: "skipped"; detail: string }
  | { status: "unchanged" | "deployed"; revision: number; allowed: string[]; deploymentId?: string }
  | { status: "failed"; revision: number; error: StoredFix & { message: string; awsError?: string } };

function failureOf(error: unknown) {
  const name = error instanceof Error ? error.name : undefined;
  return {
    message: error instanceof Error ? error.message : String(error),
    ...(name ? { awsError: name } : {}),
    ...storedFix({
      key: isAccessDenied(error) ? "failures.fix.consumerAccessDenied" : "failures.fix.consumerAwsError",
    }),
  };
}

export async function reconcileConsumerEndpoints(
  { db, clients }: ReconcileDependencies,
  requestId: string,
): Promise<ReconcileOutcome> {
  const request = await db.exposureRequest.findUnique({ where: { id: requestId }, select: { status: true } });
  // Only an active chain has an API to reconcile; a change queued before a decommission has nothing left to do.
  if (request?.status !== "active")
    return { status: "skipped", detail: `request ${requestId} is ${request?.status ?? "gone"}` };
  const chain = await activeChainOf(db, requestId);
  const row = chain.request.consumerEndpoints;
  const revision = row?.revision ?? 0;
  const allowed = allowedVpcEndpointIds(chain.request);
  const principals = chain.request.authorization === "AWS_IAM" ? iamPrincipalsOf(chain.request) : undefined;
  const restApiId = chain.outputs["restApi.create"]?.restApiId;
  if (!restApiId) throw new Error(`the run of ${requestId} recorded no restApiId`);
  const { apiGateway } = clients.clientsFor(platformAccessOf(chain.request), `consumers-${requestId}`);
  try {
    const live = await apiGateway.send(new GetRestApiCommand({ restApiId }));
    const livePrincipals = principalsAllowedBy(live.policy);
    const policyChanged =
      !sameEndpoints(endpointsAllowedBy(live.policy), allowed) ||
      (principals ? !sameEndpoints(livePrincipals, principals) : livePrincipals !== undefined);
    const association = associationPatch(live.endpointConfiguration?.vpcEndpointIds ?? [], allowed);
    const methods = await methodAuthorizationUpdates(apiGateway, restApiId, chain.request.authorization);
    if (!policyChanged && association.length === 0 && methods.length === 0 && !row?.deployPending) {
      await markApplied(db, requestId, revision);
      return { status: "unchanged", revision, allowed };
    }
    // The intent first: if this process dies after the policy is written, the next reconcile still deploys it.
    await db.consumerEndpoints.upsert({
      where: { requestId },
      create: { requestId, vpcEndpointIds: [], deployPending: true },
      update: { deployPending: true },
    });
    const patchOperations = [
      ...(policyChanged
        ? [
            {
              op: "replace" as const,
              path: "/policy",
              value: serializeResourcePolicy(buildResourcePolicy(allowed, principals)),
            },
          ]
        : []),
      ...association,
    ];
    if (patchOperations.length > 0) await apiGateway.send(new UpdateRestApiCommand({ restApiId, patchOperations }));
    await applyMethodAuthorization(apiGateway, restApiId, methods);
    // CreateDeployment is rate-limited per account: this one takes its turn on the timeline the runs share.
    const slot = await reserveCallSlot(db, {
      accountId: chain.request.hub.account.accountId,
      region: chain.request.hub.region,
      operation: "CreateDeployment",
      now: new Date(),
    });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, slot.getTime() - Date.now())));
    const deployment = await apiGateway.send(
      new CreateDeploymentCommand({
        restApiId,
        stageName: chain.request.stageName,
        description: `Gatehouse: consumer endpoints, revision ${revision}`,
      }),
    );
    await db.$transaction(async (tx) => {
      await tx.consumerEndpoints.update({ where: { requestId }, data: { deployPending: false } });
      await markApplied(tx, requestId, revision);
      await recordAuditEvent(tx, {
        actor: systemActor,
        action: "consumer_endpoints.applied",
        targetType: "request",
        targetId: requestId,
        details: { revision, allowed, restApiId, deploymentId: deployment.id ?? null, policyChanged },
      });
    });
    return { status: "deployed", revision, allowed, deploymentId: deployment.id };
  } catch (error) {
    // An API gone for good is no eventual consistency here (it has existed since the run): the verify names the hop.
    if (isTransient(error)) throw error;
    const failure = failureOf(error);
    await db.consumerEndpoints.upsert({
      where: { requestId },
      create: { requestId, vpcEndpointIds: [], lastError: failure },
      update: { lastError: failure },
    });
    return { status: "failed", revision, error: failure };
  }
}

/** Records that the stage serves `revision`; never moves backwards when an older reconcile finishes late. */
async function markApplied(db: Db | Tx, requestId: string, revision: number): Promise<void> {
  await db.consumerEndpoints.updateMany({
    where: { requestId, appliedRevision: { lt: revision } },
    data: { appliedRevision: revision, appliedAt: new Date() },
  });
  await db.consumerEndpoints.updateMany({
    where: { requestId, lastError: { not: Prisma.DbNull } },
    data: { lastError: Prisma.DbNull },
  });
}
