import { DescribeLoadBalancersCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listRequests } from "./list-requests";
import { getRequestDetails } from "./request-details";
import { requestDecommission, withdrawRequest } from "./request-lifecycle";
import { requestInputSchema, type RequestInput } from "./request-schemas";
import { previewRequest, submitRequest } from "./submit-request";
import { createPlatformHub, remoteNetworkRequestBody, seedRequestWorld } from "./testing/seed-request-world";
import { createClientFactory } from "@/lib/aws/client-factory";
import type { Db } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { assumeDemoRole, demoRoles } from "@/simulator/testing/demo-roles";
import { addPlatformRole } from "@/simulator/testing/extra-platform-role";
import { discoverHub } from "@/simulator/testing/link-chain";
import { setQuota } from "@/simulator/testing/set-quota";
import { checkTextIn } from "@/lib/provisioning/plan/dry-run/check-list";
import { startSimulator, type RunningSimulator } from "@/simulator/server";

// Submitting, withdrawing and reading requests with a real PostgreSQL and the simulator's demo landscape: the dry run
// is frozen as the plan, a blocker refuses the submission and writes nothing, and only the team acts on its requests.

let database: TestDatabase;
let db: Db;
let sim: RunningSimulator;
let world: Awaited<ReturnType<typeof seedRequestWorld>>;
let dependencies: { db: Db; clients: ReturnType<typeof createClientFactory> };
let demoNlbArn: string;
const previousEndpoint = process.env.AWS_ENDPOINT_URL;

beforeAll(async () => {
  sim = await startSimulator({ profile: "instant" });
  process.env.AWS_ENDPOINT_URL = sim.url;
  database = await createTestDatabase();
  db = database.db;
  const hub = await discoverHub(await assumeDemoRole(sim, demoRoles.platform));
  world = await seedRequestWorld(db, {
    vpcId: hub.vpcId,
    subnetIds: hub.subnetIds,
    securityGroupIds: [hub.securityGroupId],
    executeApiEndpointId: hub.executeApiEndpointId,
  });
  dependencies = {
    db,
    clients: createClientFactory({ sts: new STSClient({ region: "eu-west-1", credentials: sim.portalCredentials }) }),
  };
  const app = await assumeDemoRole(sim, demoRoles.application);
  demoNlbArn =
    (await app.elb.send(new DescribeLoadBalancersCommand({ Names: ["k8s-payments-checkout-5f2a9c1e7b"] })))
      .LoadBalancers?.[0]?.LoadBalancerArn ?? "";
});

afterAll(async () => {
  process.env.AWS_ENDPOINT_URL = previousEndpoint;
  await database.drop();
  await sim.close();
});

const nlbInput = (overrides: Record<string, unknown> = {}): RequestInput =>
  requestInputSchema.parse({
    scenario: "cross_account_nlb",
    teamId: world.teams.payments,
    region: "eu-west-1",
    accountId: "222222222222",
    loadBalancerArn: demoNlbArn,
    port: 80,
    apiName: "checkout",
    stageName: "prod",
    justification: "Consumers in the hub call checkout.",
    ...overrides,
  });
const remoteInput = (overrides: Record<string, unknown> = {}): RequestInput =>
  requestInputSchema.parse({ ...remoteNetworkRequestBody(world), ...overrides });

describe("submitting a request", () => {
  it("stores the demo NLB request with its plan and audits it", async () => {
    const paul = world.userNamed("Paul Payments");
    const { id, plan } = await submitRequest(dependencies, paul, nlbInput());
    const stored = await db.exposureRequest.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({
      status: "pending_approval",
      requesterId: paul.id,
      loadBalancerArn: demoNlbArn,
      port: 80,
    });
    expect(plan.checks.filter((check) => check.status === "blocker")).toEqual([]);
    // The frozen plan already names this request's resources.
    expect(JSON.stringify(stored.plan)).toContain(`gh-${id}`);
    expect(await db.auditEvent.findFirst({ where: { targetId: id, action: "request.submitted" } })).toMatchObject({
      actorLabel: paul.email,
    });
  });

  it("refuses a plan with a blocker and writes nothing", async () => {
    const before = await db.exposureRequest.count();
    await expect(
      submitRequest(dependencies, world.userNamed("Paul Payments"), nlbInput({ port: 443 })),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fieldErrors: { plan: [expect.stringMatching(/no listener on port 443/)] },
    });
    await expect(
      submitRequest(dependencies, world.userNamed("Paul Payments"), remoteInput({ remoteIps: ["192.168.9.9"] })),
    ).rejects.toMatchObject({ fieldErrors: { plan: [expect.stringMatching(/no route to 192\.168\.9\.9/)] } });
    expect(await db.exposureRequest.count()).toBe(before);
  });

  it("is only for requesters of the owning team, and only for the team's verified account", async () => {
    await expect(submitRequest(dependencies, world.userNamed("Lena Logistics"), nlbInput())).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(submitRequest(dependencies, world.userNamed("Vic Viewer"), remoteInput())).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(submitRequest(dependencies, world.userNamed("Ada Admin"), remoteInput())).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      submitRequest(dependencies, world.userNamed("Lena Logistics"), nlbInput({ teamId: world.teams.logistics })),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", fieldErrors: { accountId: [expect.any(String)] } });
    await db.awsAccount.update({ where: { accountId: "222222222222" }, data: { verifiedAt: null } });
    try {
      await expect(submitRequest(dependencies, world.userNamed("Paul Payments"), nlbInput())).rejects.toMatchObject({
        message: expect.stringMatching(/Account payments-prod is not verified yet/),
        fieldErrors: { accountId: ["validation.requests.accountNotVerified"] },
      });
    } finally {
      await db.awsAccount.update({ where: { accountId: "222222222222" }, data: { verifiedAt: new Date() } });
    }
    await expect(
      submitRequest(dependencies, world.userNamed("Paul Payments"), remoteInput({ region: "eu-central-1" })),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/No platform hub serves eu-central-1/),
      fieldErrors: { region: ["validation.requests.noHub"] },
    });
  });
});

describe("the team's moves and views", () => {
  it("lets the team withdraw a pending request, but not an admin, not another team (to whom it does not exist), and not twice", async () => {
    const { id } = await submitRequest(
      dependencies,
      world.userNamed("Paul Payments"),
      remoteInput({ apiName: "ledger-withdrawn" }),
    );
    await expect(withdrawRequest(db, world.userNamed("Lena Logistics"), id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(withdrawRequest(db, world.userNamed("Ada Admin"), id)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await withdrawRequest(db, world.userNamed("Paul Payments"), id);
    expect((await db.exposureRequest.findUniqueOrThrow({ where: { id } })).status).toBe("withdrawn");
    await expect(withdrawRequest(db, world.userNamed("Paul Payments"), id)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/It is withdrawn/),
    });
    await expect(requestDecommission(db, world.userNamed("Paul Payments"), id)).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("lists requests to the team and admins only, with search and status filter", async () => {
    const mine = await listRequests(db, world.userNamed("Paul Payments"), {});
    expect(mine.length).toBeGreaterThan(0);
    expect(await listRequests(db, world.userNamed("Lena Logistics"), {})).toEqual([]);
    expect((await listRequests(db, world.userNamed("Ada Admin"), {})).length).toBe(mine.length);
    expect(
      (await listRequests(db, world.userNamed("Paul Payments"), { q: "CHECKOUT" })).map((item) => item.apiName),
    ).toEqual(["checkout"]);
    expect(
      (await listRequests(db, world.userNamed("Paul Payments"), { status: "withdrawn" })).map((item) => item.apiName),
    ).toEqual(["ledger-withdrawn"]);
  });

  it("shows the request page to the team and admins with a timeline, and hides it from other teams", async () => {
    const [checkout] = await listRequests(db, world.userNamed("Paul Payments"), { q: "checkout" });
    const details = await getRequestDetails(db, world.userNamed("Paul Payments"), checkout?.id ?? "");
    expect(details.timeline.map((entry) => entry.action)).toEqual(["request.submitted"]);
    expect(details.can).toMatchObject({ withdraw: true, decide: null });
    expect((await getRequestDetails(db, world.userNamed("Ada Admin"), checkout?.id ?? "")).can).toMatchObject({
      withdraw: false,
      decide: "exposure",
    });
    await expect(getRequestDetails(db, world.userNamed("Lena Logistics"), checkout?.id ?? "")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("placing the exposure on a hub", () => {
  /** Another platform account of the platform team with a hub; `withRole` deploys Gatehouse's role in it. */
  const extraPlatformHub = async (
    accountId: string,
    hub: { region: string; linkMode?: "v1" | "v2" },
    options: { regions?: string[]; withRole?: boolean } = {},
  ) => {
    const externalId = `gh-${accountId}`;
    if (options.withRole) addPlatformRole(sim, accountId, externalId);
    const alias = `platform-hub-${accountId.slice(0, 1)}`;
    return createPlatformHub(db, { accountId, alias, externalId, owningTeamId: world.teams.platform, ...options, hub });
  };

  it("places on the hub with the most headroom, honours a pin, skips a drained hub, and says why", async () => {
    const { account: second, hub: twin } = await extraPlatformHub(
      "444444444444",
      { region: "eu-west-1", linkMode: "v2" },
      { regions: ["eu-west-1", "eu-central-1"] },
    );
    const elsewhere = await db.platformHub.create({
      data: {
        ...twin,
        id: undefined,
        region: "eu-central-1",
        createdAt: undefined,
        updatedAt: undefined,
        quotaReadings: undefined,
        quotasReadAt: undefined,
      },
    });
    const paul = world.userNamed("Paul Payments");
    try {
      // The second account has no Gatehouse role yet: its quotas cannot be read, so it is not chosen blind.
      const unreadable = await previewRequest(dependencies, paul, remoteInput());
      expect(unreadable.placement).toMatchObject({ hubId: world.hubId, hubLabel: "platform-hub (111111111111)" });
      expect(unreadable.placement?.reason).toMatch(/the most headroom in eu-west-1/);
      expect(unreadable.placement?.reason).toMatch(/platform-hub-4 \(444444444444\) quotas could not be read/);
      await expect(submitRequest(dependencies, paul, remoteInput({ hubId: elsewhere.id }))).rejects.toMatchObject({
        message: "Choose one of the hubs that serve eu-west-1.",
        fieldErrors: { hubId: ["validation.requests.hubInvalid"] },
      });

      // With its role deployed, the empty V2 hub (50 NLBs free) has more room than the V1 demo hub (20 links).
      addPlatformRole(sim, "444444444444", "gh-444444444444");
      expect((await previewRequest(dependencies, paul, remoteInput())).placement?.hubId).toBe(twin.id);

      const payments = await db.team.findUniqueOrThrow({ where: { slug: "payments" } });
      await db.teamHubPin.create({ data: { teamId: payments.id, region: "eu-west-1", hubId: world.hubId } });
      expect((await previewRequest(dependencies, paul, remoteInput())).placement).toMatchObject({
        hubId: world.hubId,
        reason: "platform-hub (111111111111): an admin pinned the team to this hub.",
      });
      await db.platformHub.update({ where: { id: world.hubId }, data: { drainedAt: new Date() } });
      expect((await previewRequest(dependencies, paul, remoteInput())).placement?.hubId).toBe(twin.id);
      await expect(submitRequest(dependencies, paul, remoteInput({ hubId: world.hubId }))).rejects.toMatchObject({
        message: "platform-hub (111111111111) is drained and takes no new exposures.",
        fieldErrors: { hubId: ["validation.requests.hubDrained"] },
      });
    } finally {
      await db.teamHubPin.deleteMany({});
      await db.platformHub.update({ where: { id: world.hubId }, data: { drainedAt: null } });
      await db.platformHub.deleteMany({ where: { id: { in: [twin.id, elsewhere.id] } } });
      await db.awsAccount.delete({ where: { id: second.id } });
    }
  });

  it("blocks a request beyond a lowered quota and names the hub that has room", async () => {
    const { account: third, hub: spare } = await extraPlatformHub(
      "555555555555",
      { region: "eu-west-1" },
      { withRole: true },
    );
    try {
      const paul = world.userNamed("Paul Payments");
      const used = (await sim.runtime.world.collection("elbv2.loadBalancer").all()).filter(
        (balancer) => balancer.accountId === demoRoles.platform.accountId,
      ).length;
      await setQuota(sim, {
        accountId: demoRoles.platform.accountId,
        region: "eu-west-1",
        quota: "L-69A177A2",
        value: used,
      });
      const plan = await previewRequest(dependencies, paul, remoteInput({ hubId: world.hubId }));
      const blocker = plan.checks.find((check) => check.id === "quota.loadBalancers");
      expect(blocker?.status).toBe("blocker");
      expect(checkTextIn(blocker?.message ?? "", "en")).toBe(
        `Network Load Balancers per Region: ${used} used, this request adds 1, limit ${used}.`,
      );
      expect(checkTextIn(blocker?.fix ?? "", "en")).toMatch(
        /^Place it on platform-hub-5 \(555555555555\) instead \(room for \d+ more exposures/,
      );
      const before = await db.exposureRequest.count();
      await expect(submitRequest(dependencies, paul, remoteInput({ hubId: world.hubId }))).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
      });
      expect(await db.exposureRequest.count()).toBe(before);
      // Placed by Gatehouse, it goes to the hub with room.
      expect((await previewRequest(dependencies, paul, remoteInput())).placement?.hubId).toBe(spare.id);
    } finally {
      await setQuota(sim, {
        accountId: demoRoles.platform.accountId,
        region: "eu-west-1",
        quota: "L-69A177A2",
        value: 50,
      });
      await db.platformHub.delete({ where: { id: spare.id } });
      await db.awsAccount.delete({ where: { id: third.id } });
    }
  });
});
