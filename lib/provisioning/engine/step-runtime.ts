import { isAccessDenied } from "@/lib/aws/access-denied";
import { isInvalidMethodIdentifier } from "@/lib/aws/invalid-method-identifier";
import type { Translatable } from "@/lib/i18n/translatable";
import type { PacedOperation } from "./api-call-pacing";
import type { SharedVpcLinkAccess } from "./hub-vpc-link-claim";
import type { Hop } from "../hops/hop";
import type { RecordedOutputs } from "../hops/registry";
import type { RunKind } from "@/lib/generated/prisma/client";
import type { Exposure, Hub } from "../plan/exposure";
import type { AccountClients } from "@/lib/aws/client-factory";

// What a step's code sees and returns. A step is idempotent: run again after a crash at any point, it finds what it
// created (by the IDs it recorded, by tag, by deterministic name or by ClientToken) instead of creating it twice.

export type StepOutputs = Record<string, string | string[] | number | boolean>;

/**
 * A wait polls again after `retryAfterMs`, stretched by the engine's poll schedule; or exactly `at` (epoch ms), when the
 * step knows. `waitingOn` tells a wait for an API Gateway call slot from one for AWS (the attempt log records which).
 */
export type WaitOutcome = { kind: "wait"; retryAfterMs: number; reason: string; at?: number; waitingOn?: "call-slot" };
export type StepOutcome<Outputs extends StepOutputs = StepOutputs> = { kind: "done"; outputs?: Outputs } | WaitOutcome;

/** A hop that records nothing. */
export type NoOutputs = Record<string, never>;

export type StepContext = {
  requestId: string;
  runId: string;
  runKind: RunKind;
  /** An active chain's resources and current link (migrate and repair runs; empty otherwise). */
  chain: RecordedOutputs;
  exposure: Exposure;
  hub: Hub;
  platform: AccountClients;
  /** The application account's clients (scenario A only). */
  application?: AccountClients;
  /** How long API Gateway's lists may lag behind a create (see findOrCreate in steps/api-steps.ts). */
  createSettleMs: number;
  /** Tags every created resource carries. */
  tags: Record<string, string>;
  /** What an earlier hop recorded, typed by that hop's outputs; throws when the hop has not recorded `key`. */
  output<Outputs extends StepOutputs, Key extends keyof Outputs & string>(
    hop: Pick<Hop<string, Outputs>, "id" | "run">,
    key: Key,
  ): Outputs[Key];
  /** What this step recorded in an earlier attempt. */
  previous: StepOutputs;
  /** Persists outputs at once, before anything else can fail: an ID AWS returned is never forgotten. */
  record(outputs: StepOutputs): Promise<void>;
  /**
   * Waits for this step's turn to call a rate-limited API Gateway operation (api-call-pacing.ts): undefined when the
   * call may go now, else the outcome that brings the step back at its reserved slot.
   */
  awaitTurn(operation: PacedOperation): Promise<WaitOutcome | undefined>;
  /** The hub's shared VPC link (link mode v2): who creates it, and where it is recorded. */
  sharedVpcLink: SharedVpcLinkAccess;
  /** Records a created resource for teardown. */
  recordResource(resource: { kind: string; identifier: string; accountId: string }): Promise<void>;
};

export function done(): StepOutcome<NoOutputs>;
export function done<Outputs extends StepOutputs>(outputs: Outputs): StepOutcome<Outputs>;
export function done(outputs?: StepOutputs): StepOutcome {
  return { kind: "done", outputs };
}
export const wait = (reason: string, retryAfterMs = 2_000): WaitOutcome => ({ kind: "wait", retryAfterMs, reason });
export const waitUntil = (reason: string, at: number): WaitOutcome => ({ kind: "wait", retryAfterMs: 0, reason, at });

/** A failure no retry will fix: the run stops with the hop, the AWS error and what to do. */
export class PermanentStepError extends Error {
  constructor(
    message: string,
    readonly awsError: string | undefined,
    /** A catalogue key (failures.fix.*): the request page says it in its reader's language. */
    readonly fix: Translatable,
  ) {
    super(message);
    this.name = "PermanentStepError";
  }
}

const transientNames = new Set([
  "Throttling",
  "ThrottlingException",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "ServiceUnavailableException",
  "ServiceUnavailable",
  "InternalError",
  "InternalFailure",
  "Unavailable",
  "PriorRequestNotCompleteException",
]);

/** Transient: throttling, 5xx and network faults; anything else (AccessDenied, validation) is permanent. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  if (transientNames.has(error.name) || (status !== undefined && status >= 500)) return true;
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ECONNRESET" || code === "ECONNREFUSED" || code === "ETIMEDOUT" || error.name === "TimeoutError";
}

/** What to do about a failed step, as the run shows it. */
export function fixFor(error: unknown): Translatable {
  if (error instanceof PermanentStepError) return error.fix;
  if (isAccessDenied(error)) return { key: "failures.fix.accessDenied" };
  if (isInvalidMethodIdentifier(error)) return { key: "failures.fix.invalidMethod" };
  return { key: "failures.fix.awsError" };
}

/**
 * "Not found" for something a step just created or was just shown: AWS's reads lag its writes (eventual consistency),
 * and AWS documents retrying with backoff. A miss that persists becomes permanent after a few tries. A method verb the
 * resource does not define is no such miss: the same call fails the same way.
 */
export function isEventualConsistencyMiss(error: unknown): boolean {
  return (
    error instanceof Error && /NotFound(Exception)?$|\.NotFound$/.test(error.name) && !isInvalidMethodIdentifier(error)
  );
}

export function tagList(tags: Record<string, string>) {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}
