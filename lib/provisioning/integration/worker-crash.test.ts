import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProvisioningRun } from "../engine/start-provisioning-run";
import { createRandom } from "@/simulator/core/random";
import { oneOfEach } from "@/lib/testing/chain-outcomes";
import { startProvisioningFixture, type ProvisioningFixture } from "@/lib/testing/provisioning-fixture";
import { exited, startWorkerProcess, stopWorkerProcess } from "@/lib/testing/worker-process";
import { countByKind, taggedResources } from "@/simulator/testing/tagged-resources";

// The real worker process (`npm run worker`) killed with SIGKILL at random moments while it provisions, restarted each
// time: the run still ends active, with exactly one of each resource in AWS.

let fixture: ProvisioningFixture;

beforeAll(async () => {
  fixture = await startProvisioningFixture({ consistencyDelayMs: 200 });
});

afterAll(async () => {
  await fixture.close();
});

const startWorker = () => startWorkerProcess(fixture, { GATEHOUSE_STEP_LEASE_SECONDS: "1" });

describe("a worker killed at random points", () => {
  it("still brings the run to active with exactly one of each resource", async () => {
    const { db } = fixture.database;
    const requestId = await fixture.approvedRequest({ scenario: "cross_account_nlb", linkMode: "v1" });
    await startProvisioningRun(db, requestId);
    const random = createRandom(42);
    const statusOf = async () => (await db.exposureRequest.findUniqueOrThrow({ where: { id: requestId } })).status;
    let kills = 0;
    for (; kills < 6 && (await statusOf()) === "provisioning"; kills += 1) {
      const worker = startWorker();
      // tsx and pg-boss take ~1.5 s to start; the kill lands anywhere from start-up to a few steps in.
      await new Promise((resolve) => setTimeout(resolve, 1_200 + random.next() * 2_500));
      worker.kill("SIGKILL");
      await exited(worker);
    }
    const finisher = startWorker();
    try {
      const deadline = Date.now() + 90_000;
      while ((await statusOf()) === "provisioning" && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 250));
    } finally {
      await stopWorkerProcess(finisher);
    }
    expect(await statusOf()).toBe("active");
    expect(kills).toBeGreaterThan(0);
    expect(countByKind(taggedResources(fixture.sim, "gatehouse:request-id", requestId))).toEqual(
      oneOfEach("cross_account_nlb", "v1"),
    );
  }, 180_000);
});
