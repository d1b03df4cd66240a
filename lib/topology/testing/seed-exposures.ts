import { exposureFactsFixture, type FixtureOptions } from "./exposure-facts-fixture";
import type { Db } from "@/lib/db/client";
import { seedDemoOrganisation } from "@/lib/demo/demo-organisation";
import type { Prisma, RequestStatus } from "@/lib/generated/prisma/client";

// Writes exposures at any lifecycle stage straight into a database, as the provisioning engine and the verify job
// would have left them: for the loader's tests, the e2e topology spec and the benchmark.

export type SeededHub = { hubId: string; accountId: string };

/**
 * The demo organisation plus a platform account and hub per link mode. The accounts are not in the AWS simulator's
 * landscape, so a running verify job cannot reach them and the seeded states stay as written.
 */
export async function seedHub(db: Db, linkMode: "v1" | "v2"): Promise<SeededHub> {
  await seedDemoOrganisation(db);
  const platformTeam = await db.team.findUniqueOrThrow({ where: { slug: "platform" } });
  const accountId = linkMode === "v1" ? "999999999901" : "999999999902";
  const account = await db.awsAccount.upsert({
    where: { accountId },
    update: {},
    create: {
      accountId,
      alias: `platform-hub-${linkMode}`,
      kind: "platform",
      roleArn: `arn:aws:iam::${accountId}:role/GatehouseProvisioner`,
      externalId: `gh-topology-${accountId}`,
      regions: ["eu-west-1"],
      owningTeamId: platformTeam.id,
    },
  });
  const hub = await db.platformHub.upsert({
    where: { accountId_region: { accountId: account.id, region: "eu-west-1" } },
    update: {},
    create: {
      accountId: account.id,
      region: "eu-west-1",
      vpcId: `vpc-hub-${linkMode}`,
      subnetIds: ["subnet-hub-a", "subnet-hub-b"],
      securityGroupIds: ["sg-hub"],
      executeApiEndpointId: `vpce-execute-api-${linkMode}`,
      linkMode,
      sharedVpcLinkId: linkMode === "v2" ? "v2link-shared" : null,
    },
  });
  return { hubId: hub.id, accountId };
}

export async function seedApplicationAccount(db: Db, accountId = "999999999922", teamSlug = "payments"): Promise<void> {
  const team = await db.team.findUniqueOrThrow({ where: { slug: teamSlug } });
  await db.awsAccount.upsert({
    where: { accountId },
    update: {},
    create: {
      accountId,
      alias: `app-${accountId.slice(-4)}`,
      kind: "application",
      roleArn: `arn:aws:iam::${accountId}:role/GatehouseProvisioner`,
      externalId: `gh-topology-${accountId}`,
      regions: ["eu-west-1"],
      owningTeamId: team.id,
    },
  });
}

export type SeedExposureOptions = Omit<FixtureOptions, "requestId" | "linkMode"> & {
  hub: SeededHub;
  apiName: string;
  teamSlug?: string;
};

/** One exposure request with its run, steps, resources and latest check; returns the request id. */
export async function seedExposure(db: Db, options: SeedExposureOptions): Promise<string> {
  const team = await db.team.findUniqueOrThrow({ where: { slug: options.teamSlug ?? "payments" } });
  const requester = await db.user.findFirstOrThrow({ where: { memberships: { some: { teamId: team.id } } } });
  const facts = exposureFactsFixture({ sourceAccountId: "999999999922", ...options, requestId: options.apiName });
  const { request } = facts;
  const created = await db.exposureRequest.create({
    data: {
      teamId: team.id,
      requesterId: requester.id,
      hubId: options.hub.hubId,
      scenario: request.scenario,
      sourceAccountId: request.sourceAccountId,
      loadBalancerArn: request.loadBalancerArn,
      remoteNetworkName: request.remoteNetworkName,
      remoteIps: request.remoteIps,
      port: request.port,
      apiName: options.apiName,
      stageName: request.stageName,
      justification: "Seeded for the topology views.",
      status: request.status as RequestStatus,
    },
  });
  if (facts.steps.length > 0) {
    await db.provisioningRun.create({
      data: {
        requestId: created.id,
        status: request.status === "provisioning" ? "running" : "succeeded",
        steps: {
          create: facts.steps.map((step) => ({
            stepId: step.stepId,
            status: step.status,
            outputs: step.outputs as Prisma.InputJsonObject,
            error: step.error ?? undefined,
          })),
        },
      },
    });
    const deletedAt = request.status === "decommissioned" ? new Date() : null;
    const resources = facts.steps.flatMap((step) =>
      Object.entries(step.outputs)
        .filter(([key]) => resourceKinds[key])
        .map(([key, identifier]) => ({
          requestId: created.id,
          stepId: step.stepId,
          kind: resourceKinds[key] ?? "",
          identifier: `${String(identifier)}`,
          accountId: options.hub.accountId,
          region: "eu-west-1",
          deletedAt,
        })),
    );
    await db.provisionedResource.createMany({ data: resources });
  }
  if (facts.latestCheck) {
    const { checkedAt, healthy, brokenHop, reason, hops } = facts.latestCheck;
    await db.chainCheck.create({
      data: { requestId: created.id, checkedAt: new Date(checkedAt), healthy, brokenHop, reason, hops },
    });
  }
  return created.id;
}

const resourceKinds: Record<string, string> = {
  serviceId: "vpc-endpoint-service",
  endpointId: "vpc-endpoint",
  targetGroupArn: "target-group",
  loadBalancerArn: "load-balancer",
  listenerArn: "listener",
  vpcLinkId: "vpc-link",
  restApiId: "rest-api",
};
