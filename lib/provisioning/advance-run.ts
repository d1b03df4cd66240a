import type { StepId } from "./chain-steps";
import { planChain, type Exposure, type Hub } from "./plan-chain";
import { claimStep, createRunWithSteps, deferStep, failStep, finishStep, isRunnable, recordOutputs } from "./run-store";
import { stepExecutors } from "./step-executors";
import { isTransient, PermanentStepError, type StepContext, type StepOutputs } from "./step-runtime";
import { recordAuditEvent, systemActor } from "@/lib/audit/record-audit-event";
import type { AccountAccess, ClientFactory } from "@/lib/aws/client-factory";
import type { Db } from "@/lib/db/client";
import type { AwsAccount, ExposureRequest, PlatformHub, ProvisioningStep } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";

// Moves a run forward: every step whose dependencies are done runs now, independent ones in parallel. A step that
// waits on AWS is rescheduled, not slept on; a transient error is retried with jittered backoff; a permanent one
// stops the run naming the hop. Returns when nothing more can happen now, with the time to look again.

export type AdvanceDependencies = { db: Db; clients: ClientFactory; now?: () => Date; maxTransientAttempts?: number };
export type AdvanceResult = { status: "succeeded" | "failed" | "waiting"; wakeAt?: Date };

type RequestWithHub = ExposureRequest & { hub: PlatformHub & { account: AwsAccount } };

export function exposureOf(request: ExposureRequest): Exposure {
  const source: Exposure["source"] =
    request.scenario === "cross_account_nlb"
      ? { kind: "crossAccountNlb", accountId: request.sourceAccountId ?? "", loadBalancerArn: request.loadBalancerArn ?? "", port: request.port }
      : { kind: "remoteNetwork", networkName: request.remoteNetworkName ?? "", ips: request.remoteIps, port: request.port };
  return { requestId: request.id, apiName: request.apiName, stageName: request.stageName, backendHost: request.backendHost ?? undefined, source };
}

export function hubOf(hub: PlatformHub & { account: AwsAccount }): Hub {
  const { accountId } = hub.account;
  return { accountId, region: hub.region, vpcId: hub.vpcId, subnetIds: hub.subnetIds, securityGroupIds: hub.securityGroupIds, executeApiEndpointId: hub.executeApiEndpointId, linkMode: hub.linkMode };
}

/** Starts the one run of an approved request; a second call (double click, second worker) gets the same run. */
export async function startProvisioningRun(db: Db, requestId: string): Promise<string> {
  return db.$transaction(async (tx) => {
    const request = await tx.exposureRequest.findUnique({ where: { id: requestId }, include: { hub: { include: { account: true } }, runs: true } });
    if (!request) throw new AppError("NOT_FOUND", `Request ${requestId} does not exist.`);
    const { count } = await tx.exposureRequest.updateMany({ where: { id: requestId, status: "approved" }, data: { status: "provisioning" } });
    const existing = request.runs.find((run) => run.kind === "provision");
    if (count === 0) {
      if (existing) return existing.id;
      throw new AppError("CONFLICT", `Request ${requestId} is ${request.status}, not approved.`);
    }
    const runId = await createRunWithSteps(tx, requestId, planChain(exposureOf(request), hubOf(request.hub)));
    await recordAuditEvent(tx, { actor: systemActor, action: "run.started", targetType: "request", targetId: requestId, details: { runId } });
    return runId;
  });
}

async function accessFor(db: Db, request: RequestWithHub): Promise<{ platform: AccountAccess; application?: AccountAccess }> {
  const platform = { accountId: request.hub.account.accountId, roleArn: request.hub.account.roleArn, externalId: request.hub.account.externalId, region: request.hub.region };
  if (request.scenario !== "cross_account_nlb") return { platform };
  const account = await db.awsAccount.findUnique({ where: { accountId: request.sourceAccountId ?? "" } });
  if (!account) throw new AppError("NOT_FOUND", `Account ${request.sourceAccountId ?? ""} is not registered.`);
  return { platform, application: { accountId: account.accountId, roleArn: account.roleArn, externalId: account.externalId, region: request.hub.region } };
}

function backoffMs(attempt: number): number {
  const base = Math.min(60_000, 1_000 * 2 ** attempt);
  return Math.round(base / 2 + Math.random() * (base / 2));
}

async function runStep(dependencies: AdvanceDependencies, request: RequestWithHub, step: ProvisioningStep, all: ProvisioningStep[]): Promise<void> {
  const { db } = dependencies;
  const now = dependencies.now ?? (() => new Date());
  const access = await accessFor(db, request);
  const stepId = step.stepId as StepId;
  const outputsById = new Map(all.map((candidate) => [candidate.stepId, candidate.outputs as StepOutputs]));
  const context: StepContext = {
    requestId: request.id,
    exposure: exposureOf(request),
    hub: hubOf(request.hub),
    platform: dependencies.clients.clientsFor(access.platform, `request-${request.id}`),
    application: access.application && dependencies.clients.clientsFor(access.application, `request-${request.id}`),
    tags: { "gatehouse:request-id": request.id, "gatehouse:step": stepId, "gatehouse:managed": "true" },
    previous: step.outputs as StepOutputs,
    output(from, key) {
      const value = outputsById.get(from)?.[key];
      if (value === undefined) throw new Error(`step ${stepId} needs ${key} from ${from}, which has not recorded it`);
      return value;
    },
    record: (outputs) => recordOutputs(db, step.id, outputs),
    recordResource: async (resource) => {
      await db.provisionedResource.upsert({
        where: { kind_identifier: { kind: resource.kind, identifier: resource.identifier } },
        create: { ...resource, requestId: request.id, stepId, region: request.hub.region },
        update: {},
      });
    },
  };
  try {
    const outcome = await stepExecutors[stepId](context);
    if (outcome.kind === "done") await finishStep(db, step, outcome.outputs, now());
    else await deferStep(db, step, new Date(now().getTime() + outcome.retryAfterMs), outcome.reason);
  } catch (error) {
    const awsError = error instanceof Error ? error.name : undefined;
    const message = error instanceof Error ? error.message : String(error);
    if (isTransient(error) && step.attempts + 1 < (dependencies.maxTransientAttempts ?? 8)) {
      await deferStep(db, step, new Date(now().getTime() + backoffMs(step.attempts)), `${awsError ?? "error"}: ${message}`);
      return;
    }
    const fix = error instanceof PermanentStepError ? error.fix : awsError === "AccessDenied" || awsError === "UnauthorizedOperation" || awsError === "AccessDeniedException" ? "Grant the missing action to the account's Gatehouse role, verify the account, then retry from this step." : "Fix the cause named in the AWS error, then retry from this step.";
    await failStep(db, step, { hop: stepId, message, awsError: error instanceof PermanentStepError ? error.awsError : awsError, fix }, now());
  }
}

async function finish(db: Db, runId: string, requestId: string, outcome: "succeeded" | "failed"): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.provisioningRun.updateMany({ where: { id: runId, status: { in: ["queued", "running"] } }, data: { status: outcome, finishedAt: new Date() } });
    if (count === 0) return;
    await tx.exposureRequest.update({ where: { id: requestId }, data: { status: outcome === "succeeded" ? "active" : "failed" } });
    await recordAuditEvent(tx, { actor: systemActor, action: outcome === "succeeded" ? "run.succeeded" : "run.failed", targetType: "request", targetId: requestId, details: { runId } });
  });
}

export async function advanceRun(dependencies: AdvanceDependencies, runId: string): Promise<AdvanceResult> {
  const { db } = dependencies;
  const now = dependencies.now ?? (() => new Date());
  const run = await db.provisioningRun.findUniqueOrThrow({ where: { id: runId }, include: { request: { include: { hub: { include: { account: true } } } } } });
  await db.provisioningRun.updateMany({ where: { id: runId, status: "queued" }, data: { status: "running", startedAt: now() } });
  for (;;) {
    const steps = await db.provisioningStep.findMany({ where: { runId } });
    if (steps.some((step) => step.status === "failed")) {
      await finish(db, runId, run.requestId, "failed");
      return { status: "failed" };
    }
    if (steps.every((step) => step.status === "succeeded")) {
      await finish(db, runId, run.requestId, "succeeded");
      return { status: "succeeded" };
    }
    const runnable = steps.filter((step) => isRunnable(step, steps, now()));
    const claimed = (await Promise.all(runnable.map(async (step) => ((await claimStep(db, step, now())) ? step : undefined)))).filter((step) => step !== undefined);
    if (claimed.length === 0) {
      const wakes = steps.flatMap((step) => (step.status === "waiting" && step.nextAttemptAt ? [step.nextAttemptAt.getTime()] : step.status === "running" && step.startedAt ? [step.startedAt.getTime() + 1_000] : []));
      return { status: "waiting", wakeAt: new Date(Math.max(now().getTime(), Math.min(...wakes, now().getTime() + 30_000))) };
    }
    await Promise.all(claimed.map((step) => runStep(dependencies, run.request, { ...step, status: "running", attempts: step.attempts + 1 }, steps)));
  }
}
