import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideRequest } from "@/lib/approvals/decide-request";
import type { CurrentUser } from "@/lib/auth/permissions";
import { changeConsumerEndpoints } from "@/lib/provisioning/consumers/consumer-endpoints";
import { reconcileConsumerEndpoints } from "@/lib/provisioning/consumers/reconcile-consumer-endpoints";
import { chainOutputs } from "@/lib/provisioning/engine/chain-outputs";
import { advanceToEnd } from "@/lib/provisioning/engine/run-to-end";
import { callThrough, consumerEndpoint } from "@/lib/testing/consumer-endpoint-fixture";
import { requestMove } from "@/lib/requests/request-move";
import { platformRole, poolLandscape } from "@/lib/testing/pool-landscape";
import { provisionToEnd, startProvisioningFixture, type ProvisioningFixture } from "@/lib/testing/provisioning-fixture";
import { findActiveUser } from "@/lib/users/sign-in";
import { revokeFromPlatformRole } from "@/lib/testing/platform-role";
import { aliasHost, invokePrivateApi } from "@/simulator/testing/invoke-private-api";
import { taggedResources } from "@/simulator/testing/tagged-resources";

// Moving an active exposure to another hub of its region through the engine and the simulator, with two hubs in two
// platform accounts: one admin asks, another approves, the move run builds the chain on the target hub (the
// application's endpoint service shared), the request switches hubs, and the retire run takes down the old hub's
// platform side. A move that fails before the switch leaves the old chain serving and takes down what it built.

let fixture: ProvisioningFixture;
const queued: string[] = [];

beforeAll(async () => {
  fixture = await startProvisioningFixture({ landscapeFile: poolLandscape(2) });
  fixture.dependencies.timeScale = 10;
}, 120_000);
afterAll(() => fixture.close());

async function admin(email: string): Promise<CurrentUser> {
  const { db } = fixture.database;
  const row = await db.user.findUniqueOrThrow({ where: { email } });
  const current = await findActiveUser(db, row.id);
  if (!current) throw new Error(`${email} is not active`);
  return current;
}

/** An active scenario A exposure on the first hub, a second hub in the next platform account, and its answer. */
async function activeOnFirstHub() {
  const { db } = fixture.database;
  const fromHubId = await fixture.hubId("v2");
  const toHubId =
    (await db.platformHub.findFirst({ where: { id: { not: fromHubId } } }))?.id ??
    (await fixture.addPlatformHub(platformRole(1), "v2"));
  const requestId = await fixture.approvedRequest({ scenario: "cross_account_nlb", linkMode: "v2" });
  expect((await provisionToEnd(fixture, requestId)).status).toBe("succeeded");
  return { requestId, fromHubId, toHubId };
}

async function answers(requestId: string, hubId: string) {
  const { db } = fixture.database;
  const hub = await db.platformHub.findUniqueOrThrow({ where: { id: hubId }, include: { account: true } });
  const restApi = taggedResources(fixture.sim, "gatehouse:request-id", requestId).find(
    (resource) => resource.kind === "apigateway.restApi" && resource.accountId === hub.account.accountId,
  );
  expect(restApi, `a REST API of the request in ${hub.account.accountId}`).toBeDefined();
  const host = aliasHost(restApi?.id ?? "", hub.executeApiEndpointId);
  return (await invokePrivateApi(fixture.sim, { path: "/prod/orders/42", host })).status;
}

/** Asks for the move as Ada, approves it as Grace, and runs the move and the retire run that follows to the end. */
async function moveThroughApproval(requestId: string, toHubId: string) {
  const { db } = fixture.database;
  await requestMove(db, await admin("ada.admin@gatehouse.demo"), requestId, toHubId);
  const dependencies = { db, queueRunAdvance: async (runId: string) => void queued.push(runId) };
  await expect(
    decideRequest(dependencies, await admin("ada.admin@gatehouse.demo"), requestId, {
      kind: "move",
      decision: "approved",
    }),
  ).rejects.toThrow(/four-eyes/);
  const { runId } = await decideRequest(dependencies, await admin("grace.admin@gatehouse.demo"), requestId, {
    kind: "move",
    decision: "approved",
  });
  const moved = await advanceToEnd(fixture.dependencies, runId ?? "");
  const retired = await advanceToEnd(fixture.dependencies, moved.followUpRunId ?? "");
  return { moved, retired };
}

describe("moving an exposure to another hub", () => {
  it("builds the chain on the target hub, switches the request there and leaves nothing tagged on the old hub", async () => {
    const { db } = fixture.database;
    const { requestId, fromHubId, toHubId } = await activeOnFirstHub();
    const from = await db.platformHub.findUniqueOrThrow({ where: { id: fromHubId }, include: { account: true } });
    expect(await answers(requestId, fromHubId)).toBe(200);
    const consumer = await consumerEndpoint(fixture);
    const ada = await admin("ada.admin@gatehouse.demo");
    await changeConsumerEndpoints(db, ada, requestId, { add: [consumer.id], remove: [] });
    await reconcileConsumerEndpoints(fixture.dependencies, requestId);
    const oldApi = (await chainOutputs(db, requestId))["restApi.create"]?.restApiId ?? "";
    expect((await callThrough(fixture, consumer, oldApi)).status).toBe(200);

    const { moved, retired } = await moveThroughApproval(requestId, toHubId);
    expect(moved.status).toBe("succeeded");
    expect(retired.status).toBe("succeeded");

    const request = await db.exposureRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request).toMatchObject({ status: "active", hubId: toHubId });
    expect(await answers(requestId, toHubId)).toBe(200);
    // A new REST API: the consumer's calls to the old one now fail, and the new one takes them once the consumer
    // endpoints sweep (here called directly) has applied the team's list to it.
    const newApi = (await chainOutputs(db, requestId))["restApi.create"]?.restApiId ?? "";
    expect(newApi).not.toBe(oldApi);
    expect((await callThrough(fixture, consumer, oldApi)).status).not.toBe(200);
    expect(await db.consumerEndpoints.findUniqueOrThrow({ where: { requestId } })).toMatchObject({
      deployPending: true,
    });
    expect(await reconcileConsumerEndpoints(fixture.dependencies, requestId)).toMatchObject({ status: "deployed" });
    expect((await callThrough(fixture, consumer, newApi)).status).toBe(200);
    const tagged = taggedResources(fixture.sim, "gatehouse:request-id", requestId);
    expect(tagged.filter((resource) => resource.accountId === from.account.accountId)).toEqual([]);
    // The application side stays, shared: one endpoint service, now connected to the new hub's endpoint.
    expect(tagged.filter((resource) => resource.kind === "ec2.endpointService")).toHaveLength(1);
    const left = await db.provisionedResource.count({
      where: { requestId, accountId: from.account.accountId, deletedAt: null },
    });
    expect(left).toBe(0);
  });

  it("refuses a target that is the current hub, and one that is drained, naming hubId", async () => {
    const { db } = fixture.database;
    const { requestId, fromHubId, toHubId } = await activeOnFirstHub();
    const ada = await admin("ada.admin@gatehouse.demo");
    await expect(requestMove(db, ada, requestId, fromHubId)).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringMatching(/already goes through/),
      fieldErrors: { hubId: ["validation.requests.moveHubSame"] },
    });
    await db.platformHub.update({ where: { id: toHubId }, data: { drainedAt: new Date() } });
    try {
      await expect(requestMove(db, ada, requestId, toHubId)).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    } finally {
      await db.platformHub.update({ where: { id: toHubId }, data: { drainedAt: null } });
    }
    expect((await db.exposureRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("active");
  });

  it("leaves the old chain serving when the move fails, and takes down what it built on the target", async () => {
    const { db } = fixture.database;
    const { requestId, fromHubId, toHubId } = await activeOnFirstHub();
    const to = await db.platformHub.findUniqueOrThrow({ where: { id: toHubId }, include: { account: true } });
    // The role may not deploy: the move fails at the new API's deployment, before any switch.
    const restore = revokeFromPlatformRole(fixture.sim, "apigateway:POST", to.account.accountId);
    let outcome;
    try {
      outcome = await moveThroughApproval(requestId, toHubId);
    } finally {
      restore();
    }
    expect(outcome.moved.status).toBe("failed");
    const failed = await db.provisioningRun.findFirstOrThrow({ where: { requestId, kind: "move" } });
    expect(failed.error).toMatchObject({ awsError: expect.stringMatching(/AccessDenied/) });
    expect(outcome.retired.status).toBe("succeeded");
    const request = await db.exposureRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request).toMatchObject({ status: "active", hubId: fromHubId });
    expect(await answers(requestId, fromHubId)).toBe(200);
    const onTarget = taggedResources(fixture.sim, "gatehouse:request-id", requestId).filter(
      (resource) => resource.accountId === to.account.accountId,
    );
    expect(onTarget).toEqual([]);
    expect(await db.approval.count({ where: { requestId, kind: "move" } })).toBe(0);
  });
});
