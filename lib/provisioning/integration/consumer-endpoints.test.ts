import { CreateDeploymentCommand, GetDeploymentsCommand, UpdateRestApiCommand } from "@aws-sdk/client-api-gateway";
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkChain } from "../verify/chain-checks";
import { sendReconcile } from "../consumers/consumer-endpoint-jobs";
import {
  changeConsumerEndpoints,
  getConsumerEndpoints,
  type ConsumerEndpointsView,
} from "../consumers/consumer-endpoints";
import { reconcileConsumerEndpoints } from "../consumers/reconcile-consumer-endpoints";
import { buildResourcePolicy, serializeResourcePolicy } from "../resource-policy";
import type { CurrentUser } from "@/lib/auth/permissions";
import { createBoss } from "@/lib/jobs/boss";
import type { JobSender } from "@/lib/jobs/job-definition";
import { senderOf } from "@/lib/jobs/worker";
import {
  callThrough as callThroughConsumer,
  consumerEndpoint as createConsumerEndpoint,
} from "@/lib/testing/consumer-endpoint-fixture";
import { revokeFromPlatformRole } from "@/lib/testing/platform-role";
import { provisionToEnd, startProvisioningFixture, type ProvisioningFixture } from "@/lib/testing/provisioning-fixture";
import { startWorkerProcess, stopWorkerProcess } from "@/lib/testing/worker-process";
import { findActiveUser } from "@/lib/users/sign-in";
import { assumeDemoRole, demoRoles } from "@/simulator/testing/demo-roles";

// A consumer in another VPC (here: the payments team's EKS VPC, another account) calls an active exposure through its
// own execute-api endpoint. Until an admin adds that endpoint and the worker has redeployed the stage, API Gateway
// refuses it; afterwards it answers, while an endpoint not on the list is still refused; removing it refuses again.

let fixture: ProvisioningFixture;
let worker: ChildProcess | undefined;
let boss: ReturnType<typeof createBoss>;
let jobs: JobSender;
let admin: CurrentUser;

beforeAll(async () => {
  fixture = await startProvisioningFixture();
  const { db } = fixture.database;
  admin = (await findActiveUser(
    db,
    (await db.user.findUniqueOrThrow({ where: { email: "ada.admin@gatehouse.demo" } })).id,
  ))!;
  boss = createBoss(fixture.database.url);
  await boss.start();
  jobs = senderOf(boss);
});

afterAll(async () => {
  if (worker) await stopWorkerProcess(worker);
  await boss.stop({ graceful: false });
  await fixture.close();
});

/** The worker process, started once a test has looked at what happens before it runs (its sweep would apply changes). */
async function queueReconcile(requestId: string): Promise<void> {
  worker ??= startWorkerProcess(fixture);
  await sendReconcile(jobs, requestId);
}

const consumerEndpoint = () => createConsumerEndpoint(fixture);
const callThrough = (endpoint: { dnsName: string }, restApiId: string) =>
  callThroughConsumer(fixture, endpoint, restApiId);

async function whenInSync(requestId: string): Promise<ConsumerEndpointsView> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const view = await getConsumerEndpoints(fixture.database.db, admin, requestId);
    if (view.inSync || Date.now() > deadline) return view;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function activeExposure(): Promise<{ requestId: string; restApiId: string }> {
  const { db } = fixture.database;
  const requestId = await fixture.approvedRequest({ scenario: "remote_network", linkMode: "v1" });
  expect((await provisionToEnd(fixture, requestId)).status).toBe("succeeded");
  const api = await db.provisionedResource.findFirstOrThrow({ where: { requestId, kind: "rest-api" } });
  return { requestId, restApiId: api.identifier };
}

describe("consumer endpoints of an active exposure", () => {
  it("let a consumer's endpoint call the API once the worker has redeployed, not before, and not any other endpoint", async () => {
    const { db } = fixture.database;
    const { requestId, restApiId } = await activeExposure();
    const consumer = await consumerEndpoint();
    const stranger = await consumerEndpoint();
    expect((await callThrough(consumer, restApiId)).status).toBe(403);

    const recorded = await changeConsumerEndpoints(db, admin, requestId, { add: [consumer.id], remove: [] });
    expect(recorded).toMatchObject({ vpcEndpointIds: [consumer.id], revision: 1, inSync: false });
    // Recorded, not yet live: API Gateway still refuses, and the verify reports the live policy as drifted.
    expect((await callThrough(consumer, restApiId)).status).toBe(403);
    const behind = await checkChain(db, fixture.dependencies.clients, requestId);
    expect(behind.hops).toContainEqual({
      hop: "restApi.create",
      state: "drifted",
      detail: `the resource policy does not allow ${consumer.id}`,
    });

    await queueReconcile(requestId);
    expect(await whenInSync(requestId)).toMatchObject({ appliedRevision: 1, inSync: true, lastError: null });
    const answer = await callThrough(consumer, restApiId);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ service: "ledger-service", path: "/orders/42" });
    expect((await callThrough(stranger, restApiId)).status).toBe(403);
    expect(await checkChain(db, fixture.dependencies.clients, requestId)).toMatchObject({ healthy: true });

    // Applying the same list again changes nothing in AWS: no second deployment.
    const platform = await assumeDemoRole(fixture.sim, demoRoles.platform);
    const deployments = async () =>
      (await platform.apigateway.send(new GetDeploymentsCommand({ restApiId }))).items?.length;
    const before = await deployments();
    expect(await reconcileConsumerEndpoints(fixture.dependencies, requestId)).toMatchObject({
      status: "unchanged",
      revision: 1,
    });
    expect(await deployments()).toBe(before);

    await changeConsumerEndpoints(db, admin, requestId, { set: [] });
    await queueReconcile(requestId);
    expect(await whenInSync(requestId)).toMatchObject({ vpcEndpointIds: [], appliedRevision: 2, inSync: true });
    expect((await callThrough(consumer, restApiId)).status).toBe(403);
    expect(
      (
        await db.auditEvent.findMany({
          where: { targetId: requestId, action: { startsWith: "consumer_endpoints." } },
          orderBy: { at: "asc" },
        })
      ).map((event) => event.action),
    ).toEqual([
      "consumer_endpoints.changed",
      "consumer_endpoints.applied",
      "consumer_endpoints.changed",
      "consumer_endpoints.applied",
    ]);
  }, 120_000);

  it("shows a policy changed outside Gatehouse as drift, and applying the list again repairs and redeploys it", async () => {
    const { db } = fixture.database;
    const { requestId, restApiId } = await activeExposure();
    const consumer = await consumerEndpoint();
    await changeConsumerEndpoints(db, admin, requestId, { add: [consumer.id], remove: [] });
    expect(await reconcileConsumerEndpoints(fixture.dependencies, requestId)).toMatchObject({
      status: "deployed",
      revision: 1,
    });

    // Someone puts the hub-only policy back by hand (and redeploys): the consumer is refused, the verify says why.
    const platform = await assumeDemoRole(fixture.sim, demoRoles.platform);
    const hub = await db.platformHub.findFirstOrThrow();
    const hubOnly = serializeResourcePolicy(buildResourcePolicy([hub.executeApiEndpointId]));
    await platform.apigateway.send(
      new UpdateRestApiCommand({ restApiId, patchOperations: [{ op: "replace", path: "/policy", value: hubOnly }] }),
    );
    await platform.apigateway.send(new CreateDeploymentCommand({ restApiId, stageName: "prod" }));
    expect((await callThrough(consumer, restApiId)).status).toBe(403);
    const drift = await checkChain(db, fixture.dependencies.clients, requestId);
    expect(drift).toMatchObject({
      healthy: false,
      brokenHop: "restApi.create",
      reason: `the resource policy does not allow ${consumer.id}`,
    });

    // Applying the unchanged list (the API's PUT, the CLI) queues a reconcile, which writes the policy and redeploys.
    expect(await changeConsumerEndpoints(db, admin, requestId, { set: [consumer.id] })).toMatchObject({ revision: 1 });
    await queueReconcile(requestId);
    await expect.poll(async () => (await callThrough(consumer, restApiId)).status, { timeout: 60_000 }).toBe(200);
    expect(await checkChain(db, fixture.dependencies.clients, requestId)).toMatchObject({ healthy: true });
  }, 120_000);

  it("keeps a permanent failure (a role missing apigateway:PATCH) with its fix until an admin applies the list again", async () => {
    const { db } = fixture.database;
    const { requestId, restApiId } = await activeExposure();
    const consumer = await consumerEndpoint();
    await changeConsumerEndpoints(db, admin, requestId, { add: [consumer.id], remove: [] });
    const restore = revokeFromPlatformRole(fixture.sim, "apigateway:PATCH");
    const refused = await reconcileConsumerEndpoints(fixture.dependencies, requestId);
    restore();
    expect(refused).toMatchObject({
      status: "failed",
      error: { awsError: "AccessDeniedException", fix: expect.stringMatching(/Grant .*apigateway:PATCH/) },
    });
    expect(await getConsumerEndpoints(db, admin, requestId)).toMatchObject({
      inSync: false,
      lastError: { awsError: "AccessDeniedException" },
    });
    expect((await callThrough(consumer, restApiId)).status).toBe(403);

    await changeConsumerEndpoints(db, admin, requestId, { set: [consumer.id] });
    expect(await reconcileConsumerEndpoints(fixture.dependencies, requestId)).toMatchObject({ status: "deployed" });
    expect(await getConsumerEndpoints(db, admin, requestId)).toMatchObject({ inSync: true, lastError: null });
    expect((await callThrough(consumer, restApiId)).status).toBe(200);
  }, 120_000);

  it("applies a change nobody queued (the web server died after its commit) when a worker's sweep finds it behind", async () => {
    const { db } = fixture.database;
    const { requestId, restApiId } = await activeExposure();
    const consumer = await consumerEndpoint();
    if (worker) await stopWorkerProcess(worker);
    await changeConsumerEndpoints(db, admin, requestId, { add: [consumer.id], remove: [] });
    worker = startWorkerProcess(fixture);
    expect(await whenInSync(requestId)).toMatchObject({ appliedRevision: 1, inSync: true });
    expect((await callThrough(consumer, restApiId)).status).toBe(200);
  }, 120_000);

  it("refuses changes from anyone but a platform admin, and on an exposure that is not active", async () => {
    const { db } = fixture.database;
    const paul = (await findActiveUser(
      db,
      (await db.user.findUniqueOrThrow({ where: { email: "paul.payments@gatehouse.demo" } })).id,
    ))!;
    const pending = await fixture.approvedRequest({ scenario: "remote_network", linkMode: "v1" });
    await expect(changeConsumerEndpoints(db, paul, pending, { set: [] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      changeConsumerEndpoints(db, admin, pending, { set: ["vpce-0aaaaaaaaaaaaaaaa"] }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
