import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceRunJob } from "../engine/run-jobs";
import { provisionAndQueue, tearDownAndQueue, type RunQueueDependencies } from "../engine/queued-run-operations";
import { configureHub } from "@/lib/hubs/configure-hub";
import { createBoss } from "@/lib/jobs/boss";
import { senderOf } from "@/lib/jobs/worker";
import type { RequestStatus } from "@/lib/generated/prisma/client";
import { withdrawRequest } from "@/lib/requests/request-lifecycle";
import { rerunRequest } from "@/lib/requests/rerun-request";
import { oneOfEach } from "@/lib/testing/chain-outcomes";
import { revokeFromPlatformRole } from "@/lib/testing/platform-role";
import { startProvisioningFixture, type ProvisioningFixture } from "@/lib/testing/provisioning-fixture";
import { startWorkerProcess, stopWorkerProcess } from "@/lib/testing/worker-process";
import { findActiveUser } from "@/lib/users/sign-in";
import { countByKind, taggedResources } from "@/simulator/testing/tagged-resources";

// A run that failed and was rolled back leaves its request approved with nothing in AWS. Through the real worker
// process and pg-boss: the team withdraws one such request, and the hub's link mode may change while the other still
// waits; the other is run again and reaches active with exactly one of each resource, which pins the hub again.

let fixture: ProvisioningFixture;
let boss: ReturnType<typeof createBoss>;
let dependencies: RunQueueDependencies;
const admin = { label: "ada.admin@gatehouse.demo" };

beforeAll(async () => {
  fixture = await startProvisioningFixture();
  boss = createBoss(fixture.database.url);
  await boss.start();
  const jobs = senderOf(boss);
  dependencies = {
    db: fixture.database.db,
    queueRunAdvance: (runId) => jobs.send(advanceRunJob, { runId }, { singletonKey: runId }),
  };
});

afterAll(async () => {
  await boss.stop({ graceful: false });
  await fixture.close();
});

async function settled(requestIds: string[], passing: RequestStatus[]): Promise<RequestStatus[]> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const requests = await fixture.database.db.exposureRequest.findMany({ where: { id: { in: requestIds } } });
    if (requests.every((request) => !passing.includes(request.status)) || Date.now() > deadline)
      return requestIds.map((id) => requests.find((request) => request.id === id)!.status);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function changeLinkMode(linkMode: "v1" | "v2") {
  const hub = await fixture.database.db.platformHub.findFirstOrThrow();
  return configureHub(
    fixture.database.db,
    admin,
    { ...hub, linkMode, securityGroupIds: hub.securityGroupIds },
    fixture.dependencies.clients,
  );
}

describe("a request whose failed run was rolled back", () => {
  it("is withdrawn or run again to active with one of each resource, and blocks hub changes only while it has a chain", async () => {
    const { db } = fixture.database;
    const paulRow = await db.user.findUniqueOrThrow({ where: { email: "paul.payments@gatehouse.demo" } });
    const paul = (await findActiveUser(db, paulRow.id))!;
    const withdrawn = await fixture.approvedRequest({ scenario: "remote_network", linkMode: "v1", port: 8080 });
    const rerun = await fixture.approvedRequest({ scenario: "cross_account_nlb", linkMode: "v1" });
    const worker = startWorkerProcess(fixture);
    try {
      const restore = revokeFromPlatformRole(fixture.sim, "apigateway:POST");
      for (const id of [withdrawn, rerun]) await provisionAndQueue(dependencies, id);
      expect(await settled([withdrawn, rerun], ["approved", "provisioning"])).toEqual(["failed", "failed"]);
      restore();
      // A failed run's resources are still in AWS: the hub cannot change under them.
      await expect(changeLinkMode("v2")).rejects.toMatchObject({ code: "CONFLICT" });

      for (const id of [withdrawn, rerun]) await tearDownAndQueue(dependencies, id, "rollback", admin);
      expect(await settled([withdrawn, rerun], ["failed", "decommissioning"])).toEqual(["approved", "approved"]);
      expect(taggedResources(fixture.sim, "gatehouse:request-id", rerun)).toEqual([]);

      await withdrawRequest(db, paul, withdrawn);
      expect((await db.exposureRequest.findUniqueOrThrow({ where: { id: withdrawn } })).status).toBe("withdrawn");
      await expect(rerunRequest(dependencies, paul, withdrawn)).rejects.toMatchObject({ code: "CONFLICT" });
      // Nothing of either is in AWS: the link mode may change, and back.
      expect((await changeLinkMode("v2")).linkMode).toBe("v2");
      expect((await changeLinkMode("v1")).linkMode).toBe("v1");

      await rerunRequest(dependencies, paul, rerun);
      expect(await settled([rerun], ["approved", "provisioning"])).toEqual(["active"]);
      expect(countByKind(taggedResources(fixture.sim, "gatehouse:request-id", rerun))).toEqual(
        oneOfEach("cross_account_nlb", "v1"),
      );
      await expect(changeLinkMode("v2")).rejects.toMatchObject({ code: "CONFLICT" });
      // Once active, neither a second re-run nor a withdrawal applies.
      await expect(rerunRequest(dependencies, paul, rerun)).rejects.toMatchObject({ code: "CONFLICT" });
      await expect(withdrawRequest(db, paul, rerun)).rejects.toMatchObject({ code: "CONFLICT" });

      const audit = await db.auditEvent.findMany({ where: { targetId: rerun }, orderBy: { at: "asc" } });
      expect(audit.map((event) => event.action)).toEqual(
        expect.arrayContaining(["run.failed", "run.succeeded", "request.rerun"]),
      );
      expect(audit.find((event) => event.action === "request.rerun")).toMatchObject({
        actorId: paul.id,
        details: { after: "rollback" },
      });
      const withdrawal = await db.auditEvent.findFirstOrThrow({
        where: { targetId: withdrawn, action: "request.withdrawn" },
      });
      expect(withdrawal.details).toEqual({ from: "approved", to: "withdrawn" });
    } finally {
      await stopWorkerProcess(worker);
    }
  }, 180_000);
});
