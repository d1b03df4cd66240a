import { z } from "zod";
import { CliError } from "./cli-error.ts";
import { parseAnswer, type PortalClient } from "./portal-client.ts";

// `status --wait`: poll GET /api/v1/requests/{id} while a run is queued or running, telling each step as it changes,
// until the request settles (active, decommissioned, failed, …) or the timeout passes.

const stepSchema = z.object({
  stepId: z.string(),
  title: z.string(),
  status: z.string(),
  waitingFor: z.string().optional(),
});
const runSchema = z.object({ id: z.string(), kind: z.string(), status: z.string(), steps: z.array(stepSchema) });

/** The part of a request's details the CLI reads; the rest is passed through untouched. */
export const requestStateSchema = z
  .object({
    id: z.string(),
    status: z.string(),
    apiName: z.string(),
    runs: z.array(runSchema),
    approvals: z.array(z.object({ kind: z.string(), decision: z.string() })),
    failure: z.object({ message: z.string(), fix: z.string().optional() }).loose().nullable(),
    invokeUrls: z.array(z.string()),
  })
  .loose();

export type RequestState = z.infer<typeof requestStateSchema>;

const settlingStatuses = new Set(["provisioning", "decommissioning", "migrating", "moving"]);

export const latestRun = (state: RequestState) => state.runs.at(-1);

/** Approved again after its failed run was rolled back: `rerun` or `withdraw` is next. */
export function isRolledBack(state: RequestState): boolean {
  const run = latestRun(state);
  return state.status === "approved" && run?.kind === "rollback" && run.status === "succeeded";
}

export function isInFlight(state: RequestState): boolean {
  const run = latestRun(state);
  // An approved decommission (migration, move) stays pending until the worker starts its run.
  const teardownApproved = (["decommission", "migration", "move"] as const).some(
    (kind) =>
      state.status === `${kind}_pending` &&
      state.approvals.some((approval) => approval.kind === kind && approval.decision === "approved"),
  );
  // Approved waits for its first run, but not after a rollback, which leaves it approved until it is run again.
  const awaitingRun = state.status === "approved" && !isRolledBack(state);
  return (
    settlingStatuses.has(state.status) ||
    awaitingRun ||
    teardownApproved ||
    run?.status === "queued" ||
    run?.status === "running"
  );
}

export function requestSummary(state: RequestState) {
  const run = latestRun(state);
  const failedStep = run?.steps.find((step) => step.status === "failed");
  return {
    id: state.id,
    apiName: state.apiName,
    status: state.status,
    run: run
      ? { id: run.id, kind: run.kind, status: run.status, ...(failedStep ? { failedStep: failedStep.stepId } : {}) }
      : null,
    failure: state.failure,
    invokeUrls: state.invokeUrls,
  };
}

export async function readRequest(client: PortalClient, requestId: string): Promise<RequestState> {
  const answer = await client.get(`/api/v1/requests/${encodeURIComponent(requestId)}`);
  return parseAnswer(requestStateSchema, answer);
}

type FollowOptions = {
  timeoutMs: number;
  intervalMs?: number;
  report: (line: string) => void;
  sleep?: (ms: number) => Promise<void>;
};

export async function followRequest(
  client: PortalClient,
  requestId: string,
  options: FollowOptions,
): Promise<RequestState> {
  const {
    timeoutMs,
    intervalMs = 1000,
    report,
    sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  } = options;
  const deadline = Date.now() + timeoutMs;
  const told = new Map<string, string>();
  for (;;) {
    const state = await readRequest(client, requestId);
    const run = latestRun(state);
    for (const step of run?.steps ?? []) {
      const key = `${run?.id} ${step.stepId}`;
      const line = `${step.status}${step.waitingFor ? ` (waiting for ${step.waitingFor})` : ""}`;
      if (told.get(key) === line) continue;
      told.set(key, line);
      report(`${run?.kind} ${step.title}: ${line}`);
    }
    if (!isInFlight(state)) return state;
    if (Date.now() >= deadline)
      throw new CliError(
        `Request ${requestId} is still ${state.status}; run \`npx gatehouse status ${requestId} --wait\` again to keep following it.`,
      );
    await sleep(intervalMs);
  }
}
