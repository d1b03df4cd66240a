import { allowedEndpointSources, allowedVpcEndpointIds } from "../consumers/allowed-endpoints";
import { chainOutputs } from "../engine/chain-outputs";
import { accountAccessFor, requestWithHub } from "../engine/request-access";
import { verifyChain, type ChainVerification } from "./verify-chain";
import { recordAuditEvent, systemActor, type AuditActor } from "@/lib/audit/record-audit-event";
import type { ClientFactory } from "@/lib/aws/client-factory";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

// Verification of active chains, stored as ChainCheck rows the request page and the topology read. A change of health
// is audited; a verify that finds what the last one found is not.

/** An active request with what its provisioning run recorded, step by step. */
export async function activeChainOf(db: Db, requestId: string) {
  const request = await db.exposureRequest.findUnique({
    where: { id: requestId },
    include: { ...requestWithHub, ...allowedEndpointSources },
  });
  if (!request) throw new AppError("NOT_FOUND", { key: "errors.provisioning.requestNotFound", values: { requestId } });
  const outputs = await chainOutputs(db, requestId);
  if (!outputs["restApi.create"] || request.status !== "active")
    throw new AppError("CONFLICT", { key: "errors.provisioning.noActiveChain", values: { requestId } });
  return { request, outputs };
}

export async function checkChain(
  db: Db,
  clients: ClientFactory,
  requestId: string,
  actor: AuditActor = systemActor,
): Promise<ChainVerification> {
  const { request, outputs } = await activeChainOf(db, requestId);
  const access = await accountAccessFor(db, request);
  const purpose = `verify-${request.id}`;
  const result = await verifyChain({
    outputs,
    stageName: request.stageName,
    port: request.port,
    backendHost: request.backendHost,
    allowedVpcEndpointIds: allowedVpcEndpointIds(request),
    platform: clients.clientsFor(access.platform, purpose),
    application: access.application && clients.clientsFor(access.application, purpose),
  });
  await db.$transaction(async (tx) => {
    const previous = await tx.chainCheck.findFirst({ where: { requestId }, orderBy: { checkedAt: "desc" } });
    await tx.chainCheck.create({
      data: {
        requestId,
        healthy: result.healthy,
        brokenHop: result.brokenHop ?? null,
        reason: result.reason ?? null,
        hops: result.hops as unknown as Prisma.InputJsonArray,
        testInvoke: result.testInvoke ?? undefined,
      },
    });
    if (previous?.healthy !== result.healthy || previous.brokenHop !== (result.brokenHop ?? null)) {
      await recordAuditEvent(tx, {
        actor,
        action: "chain.verified",
        targetType: "request",
        targetId: requestId,
        details: { healthy: result.healthy, brokenHop: result.brokenHop ?? null, reason: result.reason ?? null },
      });
    }
  });
  return result;
}

/** Every active chain, one after another (verification is read-only and light; AWS's read throttles are generous). */
export async function checkAllActiveChains(
  db: Db,
  clients: ClientFactory,
  log: (line: string) => void = () => undefined,
): Promise<number> {
  const active = await db.exposureRequest.findMany({ where: { status: "active" }, select: { id: true } });
  for (const { id } of active) {
    await checkChain(db, clients, id).catch((error: Error) =>
      log(`verify of ${id} failed: ${error.name}: ${error.message}`),
    );
  }
  return active.length;
}
