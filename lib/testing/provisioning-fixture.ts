import { STSClient } from "@aws-sdk/client-sts";
import type { AdvanceResult } from "@/lib/provisioning/engine/advance-run";
import type { AdvanceDependencies } from "@/lib/provisioning/engine/engine-dependencies";
import { startProvisioningRun } from "@/lib/provisioning/engine/start-provisioning-run";
import { advanceToEnd } from "@/lib/provisioning/engine/run-to-end";
import { createClientFactory } from "@/lib/aws/client-factory";
import { partitionForRegion } from "@/lib/aws/partition";
import { seedDemoOrganisation } from "@/lib/demo/demo-organisation";
import type { LinkMode, Scenario } from "@/lib/generated/prisma/client";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { startSimulator, type RunningSimulator, type StartSimulatorOptions } from "@/simulator/server";
import { arn } from "@/simulator/core/partition";
import type { BuiltInLandscape } from "@/simulator/landscape/built-in-landscapes";
import { assumeDemoRole, chinaRoles, demoRoles } from "@/simulator/testing/demo-roles";
import { discoverHub, findServiceLoadBalancer, type Hub } from "@/simulator/testing/link-chain";

// Provisioning tests on real PostgreSQL (or PGlite) and one of the simulator's built-in landscapes (the demo one unless
// told), through the production client factory: the demo organisation, the landscape's platform and application
// accounts with their roles, a hub, and approved requests for either scenario of the seed article.

/** What the fixture needs to know of a built-in landscape: where it is, whose roles, and scenario B's remote service. */
export type FixtureLandscape = {
  name: BuiltInLandscape;
  region: string;
  roles: { platform: DemoRole; application: DemoRole };
  remoteNetwork: { name: string; ip: string };
};
type DemoRole = { accountId: string; externalId: string };

export const demoFixtureLandscape: FixtureLandscape = {
  name: "demo",
  region: "eu-west-1",
  roles: demoRoles,
  remoteNetwork: { name: "datacenter-frankfurt", ip: "10.50.12.34" },
};

export const chinaFixtureLandscape: FixtureLandscape = {
  name: "china",
  region: "cn-north-1",
  roles: chinaRoles,
  remoteNetwork: { name: "datacenter-shanghai", ip: "10.60.12.34" },
};

export type ProvisioningFixture = {
  sim: RunningSimulator;
  database: TestDatabase;
  dependencies: AdvanceDependencies;
  hubId: (linkMode: LinkMode) => Promise<string>;
  /** Registers another platform account of the landscape (same role, own ExternalId) and saves its hub. */
  addPlatformHub(role: DemoRole, linkMode: LinkMode): Promise<string>;
  /** An approved request on the hub of `linkMode` (switching it), or on the given hub as it is. */
  approvedRequest(input: { scenario: Scenario; linkMode: LinkMode; port?: number; hubId?: string }): Promise<string>;
  /** The environment for a Gatehouse process (worker, CLI) on this fixture's database and simulator. */
  processEnv(extra?: Record<string, string>): NodeJS.ProcessEnv;
  close(): Promise<void>;
};

export async function startProvisioningFixture(
  options: StartSimulatorOptions = {},
  landscape: FixtureLandscape = demoFixtureLandscape,
): Promise<ProvisioningFixture> {
  const { region, roles } = landscape;
  const roleArn = (accountId: string) => arn(region, "iam", accountId, "role/GatehouseProvisioner", "");
  const partition = partitionForRegion(region) === "aws-cn" ? "aws_cn" : "aws";
  // The fixture's own set-up calls go without injected faults; the test's calls get them.
  const sim = await startSimulator({ profile: "instant", landscapeFile: landscape.name, ...options, faultRate: 0 });
  const saved = { endpoint: process.env.AWS_ENDPOINT_URL };
  // The production path: the SDK reads AWS_ENDPOINT_URL; the portal's identity is the simulator's portal key.
  process.env.AWS_ENDPOINT_URL = sim.url;
  const database = await createTestDatabase();
  const { db } = database;
  await seedDemoOrganisation(db);
  const platformTeam = await db.team.findUniqueOrThrow({ where: { slug: "platform" } });
  const paymentsTeam = await db.team.findUniqueOrThrow({ where: { slug: "payments" } });
  const requester = await db.user.findUniqueOrThrow({ where: { email: "paul.payments@gatehouse.demo" } });
  const registerPlatformAccount = (role: DemoRole) =>
    db.awsAccount.create({
      data: {
        accountId: role.accountId,
        alias: role.accountId === roles.platform.accountId ? "platform-hub" : `platform-hub-${role.accountId}`,
        kind: "platform",
        roleArn: roleArn(role.accountId),
        externalId: role.externalId,
        partition,
        regions: [region],
        owningTeamId: platformTeam.id,
        verifiedAt: new Date(),
      },
    });
  const platformAccount = await registerPlatformAccount(roles.platform);
  await db.awsAccount.create({
    data: {
      accountId: roles.application.accountId,
      alias: "payments-prod",
      kind: "application",
      roleArn: roleArn(roles.application.accountId),
      externalId: roles.application.externalId,
      partition,
      regions: [region],
      owningTeamId: paymentsTeam.id,
      verifiedAt: new Date(),
    },
  });
  const platformHub = await discoverHub(await assumeDemoRole(sim, roles.platform, region));
  const loadBalancerArn = await findServiceLoadBalancer(
    await assumeDemoRole(sim, roles.application, region),
    "payments/checkout-api",
  );

  sim.runtime.options.faultRate = options.faultRate ?? 0;
  const sts = new STSClient({ region, credentials: sim.portalCredentials });
  const dependencies: AdvanceDependencies = { db, clients: createClientFactory({ sts }), stepLeaseMs: 5_000 };
  /** Saves (or switches the link mode of) the hub of a platform account, discovered through its role. */
  const saveHub = async (accountRowId: string, hub: Hub, linkMode: LinkMode) => {
    const saved = await db.platformHub.upsert({
      where: { accountId_region: { accountId: accountRowId, region } },
      create: {
        accountId: accountRowId,
        region,
        vpcId: hub.vpcId,
        subnetIds: hub.subnetIds,
        securityGroupIds: [hub.securityGroupId],
        executeApiEndpointId: hub.executeApiEndpointId,
        linkMode,
      },
      update: { linkMode },
    });
    return saved.id;
  };
  const hubs = new Map<LinkMode, Promise<string>>();
  const hubId = (linkMode: LinkMode) => {
    // One hub per account and region: tests of the other link mode switch the hub's mode.
    const existing = hubs.get(linkMode) ?? saveHub(platformAccount.id, platformHub, linkMode);
    hubs.set(linkMode, existing);
    return existing;
  };

  return {
    sim,
    database,
    dependencies,
    hubId,
    async addPlatformHub(role, linkMode) {
      const account = await registerPlatformAccount(role);
      return saveHub(account.id, await discoverHub(await assumeDemoRole(sim, role, region)), linkMode);
    },
    async approvedRequest({ scenario, linkMode, port, hubId: onHub }) {
      const crossAccount = scenario === "cross_account_nlb";
      const request = await db.exposureRequest.create({
        data: {
          teamId: paymentsTeam.id,
          requesterId: requester.id,
          hubId: onHub ?? (await hubId(linkMode)),
          scenario,
          sourceAccountId: crossAccount ? roles.application.accountId : null,
          loadBalancerArn: crossAccount ? loadBalancerArn : null,
          remoteNetworkName: crossAccount ? null : landscape.remoteNetwork.name,
          remoteIps: crossAccount ? [] : [landscape.remoteNetwork.ip],
          port: port ?? (crossAccount ? 80 : 8080),
          apiName: crossAccount ? "checkout-api" : "ledger-service",
          stageName: "prod",
          justification: "test",
          status: "approved",
        },
      });
      return request.id;
    },
    processEnv: (extra = {}) => ({
      ...process.env,
      DATABASE_URL: database.url,
      AWS_ENDPOINT_URL: sim.url,
      AWS_ACCESS_KEY_ID: sim.portalCredentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: sim.portalCredentials.secretAccessKey,
      AWS_REGION: region,
      ...extra,
    }),
    async close() {
      process.env.AWS_ENDPOINT_URL = saved.endpoint;
      await database.drop();
      await sim.close();
    },
  };
}

/** Runs a request's provisioning to the end as the worker would, waiting (briefly) whenever the run waits on AWS. */
export async function provisionToEnd(
  fixture: ProvisioningFixture,
  requestId: string,
  options: { maxMs?: number } = {},
): Promise<AdvanceResult & { runId: string }> {
  const runId = await startProvisioningRun(fixture.database.db, requestId);
  return { ...(await advanceToEnd(fixture.dependencies, runId, { maxMs: options.maxMs ?? 60_000 })), runId };
}
