import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

// The runs the home page names: those in flight with the hop they are at, and the requests whose last run failed with
// the hop that failed (its step id, which the page names in its language). One query each, limited to the requests
// the reader may see.

export type RunAttention = {
  requestId: string;
  apiName: string;
  runKind: string;
  stepId: string | null;
  since: Date;
};

const listed = 20;

export async function listRunsInFlight(db: Db, scope: Prisma.ExposureRequestWhereInput): Promise<RunAttention[]> {
  const runs = await db.provisioningRun.findMany({
    where: { status: { in: ["queued", "running"] }, request: scope },
    select: {
      kind: true,
      createdAt: true,
      request: { select: { id: true, apiName: true } },
      steps: { where: { status: { in: ["running", "waiting"] } }, select: { stepId: true }, take: 1 },
    },
    orderBy: { createdAt: "asc" },
    take: listed,
  });
  return runs.map((run) => ({
    requestId: run.request.id,
    apiName: run.request.apiName,
    runKind: run.kind,
    stepId: run.steps[0]?.stepId ?? null,
    since: run.createdAt,
  }));
}

export async function listFailedRuns(db: Db, scope: Prisma.ExposureRequestWhereInput): Promise<RunAttention[]> {
  const steps = await db.provisioningStep.findMany({
    where: { status: "failed", run: { status: "failed", request: { AND: [scope, { status: "failed" }] } } },
    select: {
      stepId: true,
      finishedAt: true,
      run: { select: { kind: true, createdAt: true, request: { select: { id: true, apiName: true } } } },
    },
    orderBy: { finishedAt: "desc" },
    take: listed,
  });
  // A request retried and failed again has several failed runs: the newest names it.
  const newestPerRequest = steps.filter(
    (step, index) => steps.findIndex((other) => other.run.request.id === step.run.request.id) === index,
  );
  return newestPerRequest.map((step) => ({
    requestId: step.run.request.id,
    apiName: step.run.request.apiName,
    runKind: step.run.kind,
    stepId: step.stepId,
    since: step.finishedAt ?? step.run.createdAt,
  }));
}
