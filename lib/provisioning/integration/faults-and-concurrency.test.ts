import { STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceRun } from "../engine/advance-run";
import { parseAttemptLog } from "../engine/attempt-log";
import { startProvisioningRun } from "../engine/start-provisioning-run";
import { createClientFactory } from "@/lib/aws/client-factory";
import { createPrismaClient } from "@/lib/db/prisma-client";
import { advanceToEnd } from "@/lib/provisioning/engine/run-to-end";
import { runWaterfall } from "@/lib/requests/run-waterfall";
import { startProvisioningFixture, type ProvisioningFixture } from "@/lib/testing/provisioning-fixture";
import { demoRoles } from "@/simulator/testing/demo-roles";
import { countByKind, taggedResources } from "@/simulator/testing/tagged-resources";

// AWS as it is on a bad day: one call in five throttled or failing with a 5xx (half of those after the change was
// made), and reads lagging behind writes. Every run must still finish, and nothing may exist twice.

let fixture: ProvisioningFixture;

beforeAll(async () => {
  fixture = await startProvisioningFixture({ faultRate: 0.2, consistencyDelayMs: 300, seed: 20261125 });
  fixture.dependencies.createSettleMs = 1_000;
  fixture.dependencies.maxTransientFailures = 30;
});

afterAll(async () => {
  await fixture.close();
});

const oneOfEach = (kinds: string[]) => Object.fromEntries(kinds.map((kind) => [kind, 1]));

describe("with 20 % faults and eventual consistency", () => {
  it("provisions both scenarios in parallel to active with exactly one of each resource", async () => {
    const crossAccount = await fixture.approvedRequest({ scenario: "cross_account_nlb", linkMode: "v1" });
    const remote = await fixture.approvedRequest({ scenario: "remote_network", linkMode: "v1" });
    const runs = await Promise.all([crossAccount, remote].map((id) => startProvisioningRun(fixture.database.db, id)));
    const results = await Promise.all(
      runs.map((runId) => advanceToEnd(fixture.dependencies, runId, { maxMs: 120_000 })),
    );
    const failures = await fixture.database.db.provisioningStep.findMany({
      where: { runId: { in: runs }, status: { not: "succeeded" } },
    });
    expect(
      results.map((result) => result.status),
      JSON.stringify(failures.map((step) => [step.stepId, step.status, step.error])),
    ).toEqual(["succeeded", "succeeded"]);

    const retried = await fixture.database.db.provisioningStep.count({
      where: { runId: { in: runs }, attempts: { gt: 1 } },
    });
    expect(retried, "the faults were actually hit").toBeGreaterThan(0);
    const chain = [
      "elbv2.targetGroup",
      "elbv2.loadBalancer",
      "elbv2.listener",
      "apigateway.vpcLink",
      "apigateway.restApi",
    ];
    expect(countByKind(taggedResources(fixture.sim, "gatehouse:request-id", crossAccount))).toEqual(
      oneOfEach([...chain, "ec2.endpointService", "ec2.vpcEndpoint"]),
    );
    expect(countByKind(taggedResources(fixture.sim, "gatehouse:request-id", remote))).toEqual(oneOfEach(chain));
  }, 180_000);
});

describe("two workers", () => {
  it("a double-submitted approval starts one run, and two workers advancing it at once build one chain", async () => {
    const requestId = await fixture.approvedRequest({ scenario: "remote_network", linkMode: "v1" });
    const [first, second] = await Promise.all([
      startProvisioningRun(fixture.database.db, requestId),
      startProvisioningRun(fixture.database.db, requestId),
    ]);
    expect(second).toBe(first);
    expect(await fixture.database.db.provisioningRun.count({ where: { requestId } })).toBe(1);

    const workerA = advanceToEnd(fixture.dependencies, first, { maxMs: 120_000 });
    const workerB = advanceToEnd(fixture.dependencies, first, { maxMs: 120_000 });
    const [a, b] = await Promise.all([workerA, workerB]);
    expect(a.status).toBe("succeeded");
    expect(b.status).toBe("succeeded");
    expect(await advanceRun(fixture.dependencies, first)).toEqual({ status: "succeeded" });
    expect(countByKind(taggedResources(fixture.sim, "gatehouse:request-id", requestId))).toEqual(
      oneOfEach([
        "elbv2.targetGroup",
        "elbv2.loadBalancer",
        "elbv2.listener",
        "apigateway.vpcLink",
        "apigateway.restApi",
      ]),
    );
    const events = await fixture.database.db.auditEvent.findMany({
      where: { targetId: requestId, action: { in: ["run.started", "run.succeeded"] } },
    });
    expect(events.map((event) => event.action).sort()).toEqual(["run.started", "run.succeeded"]);
  }, 180_000);

  it("V2 requests approved at once and advanced by two workers share one VPC link, recorded on the hub", async () => {
    const { db } = fixture.database;
    const requestIds = [];
    for (let index = 0; index < 6; index += 1)
      requestIds.push(
        await fixture.approvedRequest({ scenario: index % 2 ? "cross_account_nlb" : "remote_network", linkMode: "v2" }),
      );
    const runIds = await Promise.all(requestIds.map((id) => startProvisioningRun(db, id)));
    // The second worker has its own database connections and AWS clients, as another process would. Both run their
    // clocks 60 times faster (the simulator does not throttle here): creates of the link come a few hundred ms apart,
    // closer than the simulator's lists take to show one, so only the hub's claim keeps a second link from being made.
    // The simulator's lists still lag in real time, so the wait before repeating an ambiguous create does not shrink.
    const worker = {
      ...fixture.dependencies,
      timeScale: 60,
      createSettleMs: 60 * (fixture.dependencies.createSettleMs ?? 0),
    };
    const otherDb = createPrismaClient(fixture.database.url);
    const otherWorker = {
      ...worker,
      db: otherDb,
      clients: createClientFactory({
        sts: new STSClient({ region: "eu-west-1", credentials: fixture.sim.portalCredentials }),
      }),
    };
    try {
      const results = await Promise.all(
        runIds.flatMap((runId) => [
          advanceToEnd(worker, runId, { maxMs: 120_000 }),
          advanceToEnd(otherWorker, runId, { maxMs: 120_000 }),
        ]),
      );
      expect(results.map((result) => result.status)).toEqual(runIds.flatMap(() => ["succeeded", "succeeded"]));
    } finally {
      await otherDb.$disconnect();
    }
    const hub = await db.platformHub.findUniqueOrThrow({ where: { id: await fixture.hubId("v2") } });
    const links = taggedResources(fixture.sim, "gatehouse:hub-link", `${demoRoles.platform.accountId}/${hub.vpcId}`);
    expect(links).toEqual([expect.objectContaining({ kind: "apigatewayv2.vpcLink", id: hub.sharedVpcLinkId })]);
    for (const requestId of requestIds)
      expect(countByKind(taggedResources(fixture.sim, "gatehouse:request-id", requestId))).toMatchObject({
        "apigateway.restApi": 1,
        "elbv2.loadBalancer": 1,
      });
  }, 180_000);
});

// What a real run records for its waterfall: the second run's CreateRestApi waits for its call slot and some steps
// retry. Every step's attempt log must account for it, and the waterfall drawn from the rows must match them.
describe("the attempt log", () => {
  it("records every attempt of two concurrent runs: retries, call-slot waits, and the end at the step's finish", async () => {
    const { db } = fixture.database;
    const requests = await Promise.all(
      (["cross_account_nlb", "remote_network"] as const).map((scenario) =>
        fixture.approvedRequest({ scenario, linkMode: "v1" }),
      ),
    );
    const runs = await Promise.all(requests.map((id) => startProvisioningRun(db, id)));
    const results = await Promise.all(
      runs.map((runId) => advanceToEnd(fixture.dependencies, runId, { maxMs: 120_000 })),
    );
    expect(results.map((result) => result.status)).toEqual(["succeeded", "succeeded"]);

    const steps = await db.provisioningStep.findMany({ where: { runId: { in: runs } } });
    for (const step of steps) {
      const log = parseAttemptLog(step.attemptLog);
      expect(log, step.stepId).toHaveLength(step.attempts);
      expect(log.at(-1)?.outcome, step.stepId).toBe("done");
      expect(log.at(-1)?.end, step.stepId).toBe(step.finishedAt?.getTime());
      expect(log.at(-1)?.start, step.stepId).toBe(step.startedAt?.getTime());
      for (const [index, attempt] of log.entries()) {
        expect(attempt.end).toBeGreaterThanOrEqual(attempt.start);
        if (index > 0) expect(attempt.start).toBeGreaterThanOrEqual(log[index - 1]?.end ?? 0);
      }
    }
    const retried = steps.filter((step) => step.attempts > 1);
    expect(retried.length, "the faults were hit").toBeGreaterThan(0);
    expect(
      retried.every((step) => parseAttemptLog(step.attemptLog).some((attempt) => attempt.outcome !== "done")),
    ).toBe(true);
    const paced = steps
      .filter((step) => step.stepId === "restApi.create")
      .flatMap((step) => parseAttemptLog(step.attemptLog))
      .filter((attempt) => (attempt.slotMs ?? 0) > 0 || attempt.outcome === "slot");
    expect(paced.length, "one CreateRestApi waited for the other's slot").toBeGreaterThan(0);

    for (const runId of runs) {
      const rows = steps.filter((step) => step.runId === runId);
      const waterfall = runWaterfall(
        rows.map((step) => ({
          stepId: step.stepId,
          title: step.stepId,
          status: step.status,
          dependsOn: step.dependsOn,
          startedAt: step.startedAt?.toISOString() ?? null,
          finishedAt: step.finishedAt?.toISOString() ?? null,
          attemptLog: parseAttemptLog(step.attemptLog),
        })),
        Date.now(),
      );
      expect(waterfall.bars).toHaveLength(rows.length);
      for (const bar of waterfall.bars) {
        const row = rows.find((step) => step.stepId === bar.stepId);
        expect([bar.start, bar.end]).toEqual([parseAttemptLog(row?.attemptLog)[0]?.start, row?.finishedAt?.getTime()]);
        const { working, aws, slot, retry } = bar.totals;
        expect(working + aws + slot + retry).toBe((bar.end ?? 0) - (bar.start ?? 0));
      }
      const critical = waterfall.bars.filter((bar) => bar.critical);
      expect(critical.at(-1)?.end).toBe(waterfall.end);
    }
  });
});
