import { describe, expect, it } from "vitest";
import { homeInFlight, loadHome, type AdminHome, type RequesterHome, type ViewerHome } from "./load-home";
import { seedRequestWorld } from "@/lib/requests/testing/seed-request-world";
import { sharedTestDatabase } from "@/lib/testing/shared-test-database";

// The home page's figures from real PostgreSQL: each role sees what needs it, and a requester only their teams'.

let world: Awaited<ReturnType<typeof seedRequestWorld>>;
const database = sharedTestDatabase(async ({ db }) => {
  world = await seedRequestWorld(db);
  const { putRequest } = world;
  await putRequest({ status: "pending_approval", updatedAt: new Date(Date.now() - 5 * 3_600_000) });
  await putRequest({ status: "rejected", apiName: "ledger-rejected" });
  const failed = await putRequest({ status: "failed", apiName: "ledger-failed" });
  await db.provisioningRun.create({
    data: {
      requestId: failed,
      status: "failed",
      steps: {
        create: [
          { stepId: "restApi.create", status: "succeeded" },
          { stepId: "restApi.deploy", status: "failed", finishedAt: new Date() },
        ],
      },
    },
  });
  const running = await putRequest({ status: "provisioning", apiName: "ledger-running" });
  await db.provisioningRun.create({
    data: {
      requestId: running,
      status: "running",
      steps: { create: [{ stepId: "vpcLink.awaitAvailable", status: "waiting" }] },
    },
  });
  const broken = await putRequest({ status: "active", apiName: "ledger-broken" });
  await db.chainCheck.create({ data: { requestId: broken, healthy: true, checkedAt: new Date(Date.now() - 60_000) } });
  await db.chainCheck.create({
    data: { requestId: broken, healthy: false, brokenHop: "listener.create", reason: "ListenerNotFound" },
  });
  await putRequest({ status: "active", apiName: "ledger-healthy" }).then((id) =>
    db.chainCheck.create({ data: { requestId: id, healthy: true } }),
  );
  // Another team's request, which a Payments requester must not count.
  await putRequest({ status: "rejected", apiName: "logistics-rejected", teamId: world.teams.logistics });
  await db.awsAccount.update({ where: { accountId: "222222222222" }, data: { verifiedAt: null } });
});

describe("loadHome", () => {
  it("a platform admin sees approvals with the oldest's age, runs with their hop, broken chains and unverified accounts", async () => {
    const home = (await loadHome(database.db, world.userNamed("Ada Admin"))) as AdminHome;
    expect(home.role).toBe("admin");
    expect(home.approvals.count).toBe(1);
    expect(Date.now() - (home.approvals.oldestSince?.getTime() ?? 0)).toBeGreaterThan(4 * 3_600_000);
    expect(home.inFlight.map((run) => [run.apiName, run.stepId])).toEqual([["ledger-running", expect.any(String)]]);
    expect(home.failed.map((run) => run.apiName)).toEqual(["ledger-failed"]);
    expect(home.failed[0]?.stepId).not.toBeNull();
    expect(home.chains).toMatchObject({ active: 2, healthy: 1, unverified: 0 });
    expect(home.chains.broken.map((chain) => [chain.apiName, chain.reason])).toEqual([
      ["ledger-broken", "ListenerNotFound"],
    ]);
    expect(home.unverifiedAccounts.map((account) => account.accountId)).toEqual(["222222222222"]);
    expect(home.setup.map((step) => step.done)).toEqual([false, true, true]);
    expect(homeInFlight(home)).toBe(true);
  });

  it("a requester sees their team's requests by status and what waits on them, never another team's", async () => {
    const home = (await loadHome(database.db, world.userNamed("Paul Payments"))) as RequesterHome;
    expect(home.role).toBe("requester");
    expect(Object.fromEntries(home.byStatus.map(({ status, count }) => [status, count]))).toEqual({
      active: 2,
      failed: 1,
      pending_approval: 1,
      provisioning: 1,
      rejected: 1,
    });
    expect(home.waitingOnTeam.map((request) => [request.apiName, request.status]).sort()).toEqual([
      ["ledger-failed", "failed"],
      ["ledger-rejected", "rejected"],
    ]);
    const lena = (await loadHome(database.db, world.userNamed("Lena Logistics"))) as RequesterHome;
    expect(lena.waitingOnTeam.map((request) => request.apiName)).toEqual(["logistics-rejected"]);
    expect(lena.inFlight).toEqual([]);
  });

  it("a viewer of the platform team sees the whole platform's health", async () => {
    const home = (await loadHome(database.db, world.userNamed("Vic Viewer"))) as ViewerHome;
    expect(home.role).toBe("viewer");
    expect(home.chains.broken).toHaveLength(1);
    expect(home.failed).toHaveLength(1);
    expect(home.inFlight).toHaveLength(1);
  });
});
