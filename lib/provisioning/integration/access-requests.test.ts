import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendReconcile } from "../consumers/consumer-endpoint-jobs";
import { checkChain } from "../verify/chain-checks";
import { decideAccessRequest } from "@/lib/access/decide-access-request";
import { expireAccessGrants } from "@/lib/access/expire-access-grants";
import { listGrantsOfExposure, listGrantsOfMyTeams } from "@/lib/access/list-access-grants";
import { accessRequestSchema, requestAccess, type AccessRequestInput } from "@/lib/access/request-access";
import { revokeAccessGrant } from "@/lib/access/revoke-access-grant";
import { setApiAuthorization } from "@/lib/access/set-api-authorization";
import type { CurrentUser } from "@/lib/auth/permissions";
import type { JobSender } from "@/lib/jobs/job-definition";
import { consumerEndpoint } from "@/lib/testing/consumer-endpoint-fixture";
import { provisionToEnd, startProvisioningFixture, type ProvisioningFixture } from "@/lib/testing/provisioning-fixture";
import { startWorkerWithQueue } from "@/lib/testing/worker-process";
import { findActiveUser } from "@/lib/users/sign-in";
import { demoRoles } from "@/simulator/testing/demo-roles";
import { aliasHost, invokePrivateApi } from "@/simulator/testing/invoke-private-api";
import { testCredentials } from "@/simulator/testing/sim-fixture";
import { signedInvoke } from "@/simulator/testing/signed-invoke";

// A consumer team in a third account (logistics) asks for access to the payments team's exposure through its own
// execute-api endpoint; the payments team approves; the real worker writes the resource policy and redeploys; the
// consumer's call through the invoke URL Gatehouse shows answers. Revoking and expiry take it back.

let fixture: ProvisioningFixture;
let queue: Awaited<ReturnType<typeof startWorkerWithQueue>>;
let jobs: JobSender;
let ada: CurrentUser;
let paul: CurrentUser;
let lena: CurrentUser;
let logisticsAccountId: string;

const userWith = async (email: string): Promise<CurrentUser> => {
  const { db } = fixture.database;
  return (await findActiveUser(db, (await db.user.findUniqueOrThrow({ where: { email } })).id))!;
};

beforeAll(async () => {
  fixture = await startProvisioningFixture();
  const { db } = fixture.database;
  ada = await userWith("ada.admin@gatehouse.demo");
  paul = await userWith("paul.payments@gatehouse.demo");
  lena = await userWith("lena.logistics@gatehouse.demo");
  const logistics = await db.team.findUniqueOrThrow({ where: { slug: "logistics" } });
  logisticsAccountId = (
    await db.awsAccount.create({
      data: {
        accountId: demoRoles.consumer.accountId,
        alias: "logistics-prod",
        kind: "application",
        roleArn: `arn:aws:iam::${demoRoles.consumer.accountId}:role/GatehouseProvisioner`,
        externalId: demoRoles.consumer.externalId,
        regions: ["eu-west-1"],
        owningTeamId: logistics.id,
        verifiedAt: new Date(),
      },
    })
  ).id;
  queue = await startWorkerWithQueue(fixture);
  jobs = queue.jobs;
});

afterAll(async () => {
  await queue.stop();
  await fixture.close();
});

async function activeExposure(): Promise<{ requestId: string; restApiId: string }> {
  const requestId = await fixture.approvedRequest({ scenario: "remote_network", linkMode: "v1" });
  expect((await provisionToEnd(fixture, requestId)).status).toBe("succeeded");
  const api = await fixture.database.db.provisionedResource.findFirstOrThrow({
    where: { requestId, kind: "rest-api" },
  });
  return { requestId, restApiId: api.identifier };
}

const logisticsEndpoint = () =>
  consumerEndpoint(fixture, { accountId: demoRoles.consumer.accountId, vpcName: "logistics-apps" });

/** A call through the invoke URL Gatehouse shows the consumer: the endpoint-specific alias host. */
const callAs = (restApiId: string, vpceId: string) =>
  invokePrivateApi(fixture.sim, { path: "/prod/orders/42", host: aliasHost(restApiId, vpceId) });

const ask = (requestId: string, input: Partial<AccessRequestInput> & { vpcEndpointId: string }) =>
  requestAccess(
    fixture.dependencies,
    lena,
    requestId,
    accessRequestSchema.parse({
      accountId: logisticsAccountId,
      justification: "route planning reads orders",
      ...input,
    }),
  );

async function applied(requestId: string, restApiId: string, vpceId: string, status: number) {
  await sendReconcile(jobs, requestId);
  await expect.poll(async () => (await callAs(restApiId, vpceId)).status, { timeout: 60_000 }).toBe(status);
}

describe("access requests", () => {
  it("let a consumer in a third account call the API once the owning team approved, until either side revokes", async () => {
    const { db } = fixture.database;
    const { requestId, restApiId } = await activeExposure();
    const endpoint = await logisticsEndpoint();
    expect((await callAs(restApiId, endpoint.id)).status).toBe(403);

    const grant = await ask(requestId, { vpcEndpointId: endpoint.id });
    expect(grant).toMatchObject({ status: "pending", vpcId: expect.stringMatching(/^vpc-/), ownerRegistered: true });
    // The asker decides nothing (four-eyes), and a pending request opens nothing.
    await expect(decideAccessRequest(db, lena, grant.id, { decision: "approved" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await applied(requestId, restApiId, endpoint.id, 403);

    const decided = await decideAccessRequest(db, paul, grant.id, { decision: "approved" });
    expect(decided).toMatchObject({ grant: { status: "approved", ownerApprovedByLabel: paul.email }, stillNeeded: [] });
    await applied(requestId, restApiId, endpoint.id, 200);
    expect(JSON.parse((await callAs(restApiId, endpoint.id)).body)).toMatchObject({ service: "ledger-service" });
    expect(await checkChain(db, fixture.dependencies.clients, requestId)).toMatchObject({ healthy: true });

    // The consumer sees the URL it just called; the owner sees who consumes since when.
    const [mine] = await listGrantsOfMyTeams(db, lena);
    expect(mine).toMatchObject({
      invokeUrl: `https://${restApiId}-${endpoint.id}.execute-api.eu-west-1.amazonaws.com/prod`,
      curl: `curl -sS 'https://${restApiId}-${endpoint.id}.execute-api.eu-west-1.amazonaws.com/prod/'`,
      mayRevoke: true,
    });
    expect(await listGrantsOfExposure(db, paul, requestId)).toEqual([
      expect.objectContaining({ consumerTeam: "Logistics", status: "approved", approvedAt: expect.any(String) }),
    ]);

    await revokeAccessGrant(db, paul, grant.id);
    await applied(requestId, restApiId, endpoint.id, 403);
    const actions = await db.auditEvent.findMany({
      where: { targetId: requestId, action: { startsWith: "access." } },
      orderBy: { at: "asc" },
    });
    expect(actions.map((event) => event.action)).toEqual(["access.requested", "access.approved", "access.revoked"]);
  }, 180_000);

  it("warns a week before the end date and ends the grant after it, which closes the endpoint again", async () => {
    const { db } = fixture.database;
    const { requestId, restApiId } = await activeExposure();
    const endpoint = await logisticsEndpoint();
    const grant = await ask(requestId, { vpcEndpointId: endpoint.id, endsAt: "2099-01-31" });
    await decideAccessRequest(db, ada, grant.id, { decision: "approved" });
    await applied(requestId, restApiId, endpoint.id, 200);

    const weekBefore = new Date("2099-01-26T00:00:00Z");
    expect(await expireAccessGrants(db, weekBefore)).toEqual({ noticed: [grant.id], expired: [] });
    expect(await expireAccessGrants(db, weekBefore)).toEqual({ noticed: [], expired: [] });
    expect((await callAs(restApiId, endpoint.id)).status).toBe(200);

    expect(await expireAccessGrants(db, new Date("2099-01-31T00:00:01Z"))).toEqual({
      noticed: [],
      expired: [{ grantId: grant.id, requestId }],
    });
    await applied(requestId, restApiId, endpoint.id, 403);
    expect(await db.accessGrant.findUniqueOrThrow({ where: { id: grant.id } })).toMatchObject({
      status: "expired",
      closedByLabel: "system",
    });
  }, 180_000);

  it("refuses an endpoint that is not in the consumer account or not execute-api, naming the field and writing nothing", async () => {
    const { db } = fixture.database;
    const { requestId } = await activeExposure();
    const paymentsEndpoint = await consumerEndpoint(fixture);
    const refusal = (vpcEndpointId: string) => ask(requestId, { vpcEndpointId }).catch((error: unknown) => error);
    expect(await refusal("vpce-0123456789abcdef0")).toMatchObject({
      code: "VALIDATION_FAILED",
      fieldErrors: { vpcEndpointId: ["vpce-0123456789abcdef0 does not exist in logistics-prod (333333333333)."] },
    });
    // Another account's endpoint does not exist as far as the chosen account can tell.
    expect(await refusal(paymentsEndpoint.id)).toMatchObject({ fieldErrors: { vpcEndpointId: [expect.any(String)] } });
    // Lena is no requester of payments: she cannot ask through payments' account.
    const paymentsAccount = await db.awsAccount.findUniqueOrThrow({
      where: { accountId: demoRoles.application.accountId },
    });
    expect(
      await ask(requestId, { vpcEndpointId: paymentsEndpoint.id, accountId: paymentsAccount.id }).catch(
        (error: unknown) => error,
      ),
    ).toMatchObject({ fieldErrors: { accountId: [expect.any(String)] } });
    expect(await db.accessGrant.count({ where: { requestId } })).toBe(0);
  }, 120_000);

  it("with AWS_IAM, refuses unsigned calls and principals the policy does not name, and answers the granted account", async () => {
    const { db } = fixture.database;
    const { requestId, restApiId } = await activeExposure();
    const endpoint = await logisticsEndpoint();
    const grant = await ask(requestId, { vpcEndpointId: endpoint.id });
    await decideAccessRequest(db, paul, grant.id, { decision: "approved" });
    await expect(setApiAuthorization(db, lena, requestId, { authorization: "AWS_IAM" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await setApiAuthorization(db, paul, requestId, { authorization: "AWS_IAM" });
    await sendReconcile(jobs, requestId);
    await expect
      .poll(async () => (await callAs(restApiId, endpoint.id)).body, { timeout: 60_000 })
      .toBe(JSON.stringify({ message: "Missing Authentication Token" }));
    expect((await callAs(restApiId, endpoint.id)).status).toBe(403);

    const host = aliasHost(restApiId, endpoint.id);
    const path = "/prod/orders/42";
    const consumer = testCredentials(fixture.sim, demoRoles.consumer.accountId);
    const signed = await signedInvoke(fixture.sim, { host, path, credentials: consumer });
    expect(signed.status).toBe(200);
    expect(JSON.parse(signed.body)).toMatchObject({ service: "ledger-service" });

    const stranger = testCredentials(fixture.sim, demoRoles.application.accountId);
    const refused = await signedInvoke(fixture.sim, { host, path, credentials: stranger });
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toMatchObject({
      Message: expect.stringContaining(`User: ${stranger.arn} is not authorized to perform: execute-api:Invoke`),
    });
    const forged = await signedInvoke(fixture.sim, {
      host,
      path,
      credentials: { ...consumer, secretAccessKey: "not-the-secret" },
    });
    expect(forged.status).toBe(403);

    // Back to none: the resource policy's endpoints are the only gate again.
    await setApiAuthorization(db, paul, requestId, { authorization: "none" });
    await applied(requestId, restApiId, endpoint.id, 200);
  }, 180_000);
});
