import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideConsumerEndpointChange } from "./decide-consumer-endpoint-change";
import { getConsumerEndpointsWithPending, type ConsumerEndpointsWithPending } from "./pending-consumer-change";
import { submitConsumerEndpointChange } from "./submit-consumer-endpoint-change";
import type { CurrentUser } from "@/lib/auth/permissions";
import { toPublicError } from "@/lib/errors";
import type { JobSender } from "@/lib/jobs/job-definition";
import { sendReconcile } from "@/lib/provisioning/consumers/consumer-endpoint-jobs";
import { changeConsumerEndpoints } from "@/lib/provisioning/consumers/consumer-endpoints";
import { callThrough, consumerEndpoint } from "@/lib/testing/consumer-endpoint-fixture";
import { provisionToEnd, startProvisioningFixture, type ProvisioningFixture } from "@/lib/testing/provisioning-fixture";
import { startWorkerWithQueue } from "@/lib/testing/worker-process";
import { findActiveUser } from "@/lib/users/sign-in";
import { demoRoles } from "@/simulator/testing/demo-roles";

// Four-eyes on consumer endpoints, with the simulator, a real PostgreSQL and the real worker process: an endpoint of a
// registered account goes live at once; one owned by an account outside the organisation waits, is refused to its
// proposer, and goes live only when a second admin approves it; a change proposed on a list that changed since is
// stale.

let fixture: ProvisioningFixture;
let queue: Awaited<ReturnType<typeof startWorkerWithQueue>>;
let jobs: JobSender;
let ada: CurrentUser;
let grace: CurrentUser;

async function admin(email: string): Promise<CurrentUser> {
  const { db } = fixture.database;
  const user = await findActiveUser(db, (await db.user.findUniqueOrThrow({ where: { email } })).id);
  if (!user) throw new Error(`${email} is not active`);
  return user;
}

beforeAll(async () => {
  fixture = await startProvisioningFixture();
  [ada, grace] = [await admin("ada.admin@gatehouse.demo"), await admin("grace.admin@gatehouse.demo")];
  queue = await startWorkerWithQueue(fixture);
  jobs = queue.jobs;
});

afterAll(async () => {
  await queue.stop();
  await fixture.close();
});

async function applied(requestId: string): Promise<ConsumerEndpointsWithPending> {
  await sendReconcile(jobs, requestId);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const view = await getConsumerEndpointsWithPending(fixture.database.db, ada, requestId);
    if (view.inSync || Date.now() > deadline) return view;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("adding a consumer endpoint from outside the organisation", () => {
  it("waits for a second admin, who is not the proposer, and only then goes live", async () => {
    const { db } = fixture.database;
    const requestId = await fixture.approvedRequest({ scenario: "remote_network", linkMode: "v1" });
    expect((await provisionToEnd(fixture, requestId)).status).toBe("succeeded");
    const restApiId = (await db.provisionedResource.findFirstOrThrow({ where: { requestId, kind: "rest-api" } }))
      .identifier;
    const submit = (user: CurrentUser, set: string[]) =>
      submitConsumerEndpointChange(fixture.dependencies, user, requestId, { set });

    // The payments account is registered: its endpoint applies at once.
    const inside = await consumerEndpoint(fixture);
    expect(await submit(ada, [inside.id])).toMatchObject({
      status: "applied",
      view: { revision: 1, pendingChange: null },
    });
    expect(await applied(requestId)).toMatchObject({ vpcEndpointIds: [inside.id], appliedRevision: 1 });
    expect((await callThrough(fixture, inside, restApiId)).status).toBe(200);

    // The same account, once no longer registered, is outside the organisation.
    await db.awsAccount.delete({ where: { accountId: demoRoles.application.accountId } });
    const outside = await consumerEndpoint(fixture);
    const proposed = await submit(ada, [inside.id, outside.id]);
    expect(proposed).toMatchObject({
      status: "pending",
      view: {
        vpcEndpointIds: [inside.id],
        revision: 1,
        pendingChange: {
          vpcEndpointIds: [inside.id, outside.id].sort(),
          unregisteredEndpointIds: [outside.id],
          proposedBy: { id: ada.id, label: ada.email },
        },
      },
    });
    const changeId = proposed.view.pendingChange?.id ?? "";
    expect(await applied(requestId)).toMatchObject({ vpcEndpointIds: [inside.id], revision: 1 });
    expect((await callThrough(fixture, outside, restApiId)).status).toBe(403);

    const ownApproval = decideConsumerEndpointChange(db, ada, {
      requestId,
      proposalId: changeId,
      decision: "approved",
    });
    await expect(ownApproval).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "You proposed this change; another platform admin must approve it.",
    });
    // A Chinese-speaking admin reads the refusal in Chinese through the API.
    expect(toPublicError(await ownApproval.catch((error: unknown) => error), "zh-CN").body.message).toBe(
      "这项变更由你提出；必须由另一位平台管理员批准。",
    );
    await expect(submit(grace, [])).rejects.toMatchObject({ code: "CONFLICT" });

    const approved = await decideConsumerEndpointChange(db, grace, {
      requestId,
      proposalId: changeId,
      decision: "approved",
    });
    expect(approved).toMatchObject({
      vpcEndpointIds: [inside.id, outside.id].sort(),
      revision: 2,
      pendingChange: null,
    });
    expect(await applied(requestId)).toMatchObject({ appliedRevision: 2, inSync: true });
    expect((await callThrough(fixture, outside, restApiId)).status).toBe(200);
    await expect(
      decideConsumerEndpointChange(db, grace, { requestId, proposalId: changeId, decision: "rejected" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const events = await db.auditEvent.findMany({
      where: { targetId: requestId, action: { startsWith: "consumer_endpoints." } },
      orderBy: { at: "asc" },
    });
    expect(events.map((event) => [event.action, event.actorLabel])).toEqual([
      ["consumer_endpoints.changed", ada.email],
      ["consumer_endpoints.applied", "system"],
      ["consumer_endpoints.proposed", ada.email],
      ["consumer_endpoints.approved", grace.email],
      ["consumer_endpoints.changed", grace.email],
      ["consumer_endpoints.applied", "system"],
    ]);

    // A change proposed on a list that changes before it is approved is stale: it can only be rejected.
    const stranger = await consumerEndpoint(fixture);
    const stale = await submit(grace, [inside.id, outside.id, stranger.id]);
    await changeConsumerEndpoints(db, ada, requestId, { add: [], remove: [inside.id] });
    const staleId = stale.view.pendingChange?.id ?? "";
    await expect(
      decideConsumerEndpointChange(db, ada, { requestId, proposalId: staleId, decision: "approved" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/changed after this was proposed/),
    });
    expect(
      await decideConsumerEndpointChange(db, grace, { requestId, proposalId: staleId, decision: "rejected" }),
    ).toMatchObject({ vpcEndpointIds: [outside.id], pendingChange: null });
    expect(await db.consumerEndpointProposal.findUniqueOrThrow({ where: { id: staleId } })).toMatchObject({
      status: "rejected",
      decidedByLabel: grace.email,
    });
  }, 180_000);
});
