import { pacedOperations, reserveCallSlot, type PacedOperation } from "./api-call-pacing";
import { planChain, type Exposure, type Hub } from "../plan/plan-chain";
import { accountAccessFor, requestWithHub, type RequestWithHub } from "./request-access";
import { claimStep, createRunWithSteps, deferStep, failStep, finishStep, isRunnable, recordOutputs, waitStateOf } from "./run-store";
import { sharedVpcLinkAccess } from "./hub-vpc-link-claim";
import { stepExecutors } from "../hops/registry";
import { isAccessDenied, isEventualConsistencyMiss, isTransient, PermanentStepError, waitUntil, type StepContext, type StepOutputs } from "./step-runtime";
import { recordAuditEvent, systemActor } from "@/lib/audit/record-audit-event";
import { notify } from "@/lib/notifications/notify";
import type { ClientFactory } from "@/lib/aws/client-factory";
import type { Db } from "@/lib/db/client";
import type { AwsAccount, ExposureRequest, PlatformHub, ProvisioningRun, ProvisioningStep, RequestStatus, RunKind } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";

// Moves a run forward: every step whose dependencies are done runs now, independent ones in parallel. A step that
// waits on AWS is rescheduled, not slept on; a transient error is retried with jittered backoff; a permanent one
// stops the run naming the hop. Returns when nothing more can happen now, with the time to look again.

export type AdvanceDependencies = {
  db: Db;
  clients: ClientFactory;
  now?: () => Date;
  /** Consecutive transient failures of one step before the run stops. */
  maxTransientFailures?: number;
  /** How long a claimed step belongs to this worker (GATEHOUSE_STEP_LEASE_SECONDS). */
  stepLeaseMs?: number;
  /** How long API Gateway's lists may lag behind a create; 10 s against AWS. */
  createSettleMs?: number;
  /** How long a step may keep waiting on AWS before the run stops (GATEHOUSE_STEP_MAX_WAIT_MINUTES). */
  maxWaitMs?: number;
  /** Runs the engine's clock (polls, backoff) this many times faster: only for a time-scaled simulator (benchmarks). */
  timeScale?: number;
};
export type AdvanceResult = { status: "succeeded" | "failed" | "waiting"; wakeAt?: Date };

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

/** Starts the one provisioning run of an approved request; a second call (double click, second worker) gets the same run. */
export async function startProvisioningRun(db: Db, requestId: string): Promise<string> {
  return db.$transaction(async (tx) => {
    const request = await tx.exposureRequest.findUnique({ where: { id: requestId }, include: requestWithHub });
    if (!request) throw new AppError("NOT_FOUND", `Request ${requestId} does not exist.`);
    const { count } = await tx.exposureRequest.updateMany({ where: { id: requestId, status: "approved" }, data: { status: "provisioning" } });
    if (count === 0) {
      // Lost the race (or called twice): read again, past the other transaction's commit.
      const now = await tx.exposureRequest.findUniqueOrThrow({ where: { id: requestId }, include: { runs: { where: { kind: "provision" }, orderBy: { createdAt: "desc" }, take: 1 } } });
      const current = now.runs[0];
      if (current && now.status === "provisioning") return current.id;
      throw new AppError("CONFLICT", `Request ${requestId} is ${now.status}, not approved.`);
    }
    const runId = await createRunWithSteps(tx, requestId, "provision", planChain(exposureOf(request), hubOf(request.hub)));
    await recordAuditEvent(tx, { actor: systemActor, action: "run.started", targetType: "request", targetId: requestId, details: { runId, kind: "provision" } });
    return runId;
  });
}

function backoffMs(failures: number): number {
  const base = Math.min(60_000, 500 * 2 ** failures);
  return Math.round(base / 2 + Math.random() * (base / 2));
}

// Polls start soon and stretch to the step's own interval: a transition that AWS finishes in seconds is seen in
// seconds, one that takes minutes costs a handful of polls.
const pollDelayMs = (interval: number, waits: number) => Math.min(interval, 500 * 2 ** waits);

function fixFor(error: unknown): string {
  if (error instanceof PermanentStepError) return error.fix;
  if (isAccessDenied(error)) return "Grant the missing action to the account's Gatehouse role, verify the account, then retry from this step.";
  return "Fix the cause named in the AWS error, then retry from this step.";
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const clockOf = (dependencies: AdvanceDependencies) => dependencies.now ?? (() => new Date());

/**
 * A step's turn for a rate-limited call: it keeps the slot it reserved (in its outputs, so a later attempt or another
 * worker uses the same one), sleeps when the slot is near and otherwise comes back at it.
 */
async function awaitTurn(dependencies: AdvanceDependencies, request: RequestWithHub, step: ProvisioningStep, operation: PacedOperation, record: StepContext["record"]) {
  const now = clockOf(dependencies);
  const scale = dependencies.timeScale ?? 1;
  const key = `${operation}SlotAt`;
  const held = (step.outputs as StepOutputs)[key];
  const slot =
    typeof held === "number" && held > 0
      ? held
      : (await reserveCallSlot(dependencies.db, { accountId: request.hub.account.accountId, region: request.hub.region, operation, now: now(), timeScale: scale })).getTime();
  const remaining = slot - now().getTime();
  // Sleeping holds the step's lease, so only short waits are slept; longer ones hand the step back to the queue, which
  // brings it back early enough to absorb a late wake-up (a busy worker, the queue's polling) and then sleep to the slot.
  const longestSleep = Math.min(10_000 / scale, (dependencies.stepLeaseMs ?? 60_000) / 3);
  if (remaining > longestSleep) {
    if (slot !== held) await record({ [key]: slot });
    return waitUntil(`its ${operation} turn: API Gateway allows one every ${pacedOperations[operation] / 1000} s per account`, slot - longestSleep / 2);
  }
  // Spent: a retry after this call (throttled anyway, or failed) reserves a new slot.
  if (held !== 0 && held !== undefined) await record({ [key]: 0 });
  if (remaining > 0) await sleep(remaining);
  return undefined;
}

async function stepContext(dependencies: AdvanceDependencies, request: RequestWithHub, step: ProvisioningStep, all: ProvisioningStep[]): Promise<StepContext> {
  const { db } = dependencies;
  const access = await accountAccessFor(db, request);
  const outputsById = new Map(all.map((candidate) => [candidate.stepId, candidate.outputs as StepOutputs]));
  const purpose = `request-${request.id}`;
  const record = (outputs: StepOutputs) => recordOutputs(db, step.id, outputs);
  const createSettleMs = (dependencies.createSettleMs ?? 10_000) / (dependencies.timeScale ?? 1);
  return {
    requestId: request.id,
    runId: step.runId,
    exposure: exposureOf(request),
    hub: hubOf(request.hub),
    platform: dependencies.clients.clientsFor(access.platform, purpose),
    application: access.application && dependencies.clients.clientsFor(access.application, purpose),
    createSettleMs,
    tags: { "gatehouse:request-id": request.id, "gatehouse:managed": "true" },
    previous: step.outputs as StepOutputs,
    output(from, key) {
      const value = outputsById.get(from)?.[key];
      if (value === undefined) throw new Error(`step ${step.stepId} needs ${key} from ${from}, which has not recorded it`);
      return value;
    },
    record,
    awaitTurn: (operation) => awaitTurn(dependencies, request, step, operation, record),
    sharedVpcLink: sharedVpcLinkAccess(db, { hubId: request.hub.id, stepRowId: step.id, now: clockOf(dependencies), claimMs: Math.max(dependencies.stepLeaseMs ?? 60_000, 2 * createSettleMs) }),
    recordResource: async (resource) => {
      // A shared resource (one endpoint service per NLB) is recorded once, by whichever request got there first;
      // ON CONFLICT DO NOTHING, because an upsert's read-then-insert races between concurrent runs.
      await db.provisionedResource.createMany({ data: [{ ...resource, requestId: request.id, stepId: step.stepId, region: request.hub.region }], skipDuplicates: true });
    },
  };
}

async function runStep(dependencies: AdvanceDependencies, request: RequestWithHub, step: ProvisioningStep, all: ProvisioningStep[]): Promise<void> {
  const { db } = dependencies;
  const now = clockOf(dependencies);
  const stepId = step.stepId as keyof typeof stepExecutors;
  const scale = dependencies.timeScale ?? 1;
  try {
    const outcome = await stepExecutors[stepId](await stepContext(dependencies, request, step, all));
    const { waits, waitingSince } = waitStateOf(step);
    const maxWaitMs = dependencies.maxWaitMs ?? 30 * 60_000;
    if (outcome.kind === "done") await finishStep(db, step, outcome.outputs, now());
    else if (outcome.at) await deferStep(db, step, new Date(outcome.at), { waitingFor: outcome.reason, waits, waitingSince, transientFailures: 0 });
    else if (now().getTime() - (waitingSince ?? now().getTime()) > maxWaitMs / scale) {
      const limit = maxWaitMs >= 60_000 ? `${Math.round(maxWaitMs / 60_000)} min` : `${Math.round(maxWaitMs / 1000)} s`;
      const fix = "Look at the resource in the AWS console: something outside Gatehouse may hold it in that state (an endpoint service on the NLB, a stuck deletion). Fix that, then retry from this step.";
      await failStep(db, step, { hop: stepId, message: `Still waiting after ${limit}: ${outcome.reason}`, fix }, now());
    } else {
      const until = now().getTime() + pollDelayMs(outcome.retryAfterMs, waits) / scale;
      await deferStep(db, step, new Date(until), { waitingFor: outcome.reason, waits: waits + 1, waitingSince: waitingSince ?? now().getTime(), transientFailures: 0 });
    }
  } catch (error) {
    const awsError = error instanceof PermanentStepError ? error.awsError : error instanceof Error ? error.name : undefined;
    const message = error instanceof Error ? error.message : String(error);
    const previous = waitStateOf(step);
    const failures = previous.transientFailures + 1;
    const retriable = isTransient(error) || (isEventualConsistencyMiss(error) && failures <= 5);
    if (retriable && failures < (dependencies.maxTransientFailures ?? 10)) {
      await deferStep(db, step, new Date(now().getTime() + backoffMs(failures) / scale), { ...previous, waitingFor: `${awsError ?? "error"}: ${message}`, transientFailures: failures });
      return;
    }
    await failStep(db, step, { hop: stepId, message, awsError, fix: fixFor(error) }, now());
  }
}

const outcomeStatus: Record<RunKind, Record<"succeeded" | "failed", RequestStatus>> = {
  provision: { succeeded: "active", failed: "failed" },
  // Rolled back: nothing of the chain is left, the approval still stands, and provisioning may start again.
  rollback: { succeeded: "approved", failed: "failed" },
  decommission: { succeeded: "decommissioned", failed: "failed" },
};

async function finish(db: Db, run: ProvisioningRun, outcome: "succeeded" | "failed", failedStep?: ProvisioningStep): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.provisioningRun.updateMany({
      where: { id: run.id, status: { in: ["queued", "running"] } },
      data: { status: outcome, finishedAt: new Date(), ...(failedStep?.error ? { error: failedStep.error } : {}) },
    });
    if (count === 0) return;
    const request = await tx.exposureRequest.update({ where: { id: run.requestId }, data: { status: outcomeStatus[run.kind][outcome] } });
    if (run.kind !== "provision" && outcome === "succeeded") {
      await tx.provisionedResource.updateMany({ where: { requestId: run.requestId, deletedAt: null }, data: { deletedAt: new Date() } });
    }
    await recordAuditEvent(tx, {
      actor: systemActor,
      action: outcome === "succeeded" ? "run.succeeded" : "run.failed",
      targetType: "request",
      targetId: run.requestId,
      details: { runId: run.id, kind: run.kind, ...(failedStep ? { hop: failedStep.stepId, error: failedStep.error } : {}) },
    });
    const event = outcome === "failed" ? "request.failed" : run.kind === "provision" ? "request.active" : run.kind === "decommission" ? "request.decommissioned" : undefined;
    if (event) await notify(tx, event, request, { actor: "gatehouse", error: failedStep ? `${failedStep.stepId}: ${JSON.stringify(failedStep.error)}` : undefined });
  });
}

export async function advanceRun(dependencies: AdvanceDependencies, runId: string): Promise<AdvanceResult> {
  const { db } = dependencies;
  const now = clockOf(dependencies);
  const leaseMs = dependencies.stepLeaseMs ?? 60_000;
  const run = await db.provisioningRun.findUnique({ where: { id: runId }, include: { request: { include: requestWithHub } } });
  if (!run) throw new AppError("NOT_FOUND", `Run ${runId} does not exist.`);
  if (run.status === "succeeded" || run.status === "failed") return { status: run.status };
  await db.provisioningRun.updateMany({ where: { id: runId, status: "queued" }, data: { status: "running", startedAt: now() } });
  // Steps in flight in this call, by row ID: a step that finishes lets its dependents start at once, without waiting
  // for slower siblings (an API Gateway turn, a long poll) to finish too.
  const inFlight = new Map<string, Promise<void>>();
  // A step whose own bookkeeping failed (the database went away): the others finish their attempt, then it is thrown.
  let broken: { error: unknown } | undefined;
  for (;;) {
    if (broken && inFlight.size === 0) throw broken.error;
    const steps = await db.provisioningStep.findMany({ where: { runId } });
    const failed = steps.find((step) => step.status === "failed");
    if (failed && inFlight.size === 0) {
      await finish(db, run, "failed", failed);
      return { status: "failed" };
    }
    if (steps.every((step) => step.status === "succeeded")) {
      await finish(db, run, "succeeded");
      return { status: "succeeded" };
    }
    const runnable = failed || broken ? [] : steps.filter((step) => !inFlight.has(step.id) && isRunnable(step, steps, now()));
    const claims = await Promise.all(runnable.map((step) => claimStep(db, step, now(), new Date(now().getTime() + leaseMs))));
    for (const step of claims) {
      if (!step) continue;
      const execution = runStep(dependencies, run.request, step, steps)
        .catch((error: unknown) => void (broken ??= { error }))
        .finally(() => inFlight.delete(step.id));
      inFlight.set(step.id, execution);
    }
    const wakes = steps.flatMap((step) => (!inFlight.has(step.id) && (step.status === "waiting" || step.status === "running") && step.nextAttemptAt ? [step.nextAttemptAt.getTime()] : []));
    const wakeAt = Math.max(now().getTime(), Math.min(...wakes, now().getTime() + 30_000));
    if (inFlight.size === 0) return { status: "waiting", wakeAt: new Date(wakeAt) };
    // Until a step in flight finishes, or a waiting one falls due.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([...inFlight.values(), new Promise((resolve) => (timer = setTimeout(resolve, Math.max(0, wakeAt - now().getTime()))))]);
    clearTimeout(timer);
  }
}
