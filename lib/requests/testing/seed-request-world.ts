import type { CurrentUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { demoUsers, seedDemoOrganisation } from "@/lib/demo/demo-organisation";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findActiveUser } from "@/lib/users/sign-in";

// For the requests and approvals tests: the demo organisation, the demo landscape's two accounts registered and
// verified (payments owns the application account) and a hub in eu-west-1, plus a way to put a request in any state.

export type DemoUserName = (typeof demoUsers)[number]["name"];

export type HubFacts = { vpcId: string; subnetIds: string[]; securityGroupIds: string[]; executeApiEndpointId: string };

const placeholderHub: HubFacts = {
  vpcId: "vpc-0123456789abcdef0",
  subnetIds: ["subnet-0a", "subnet-0b"],
  securityGroupIds: ["sg-0a"],
  executeApiEndpointId: "vpce-0123456789abcdef0",
};

export async function seedRequestWorld(db: Db, hubFacts: HubFacts = placeholderHub) {
  await seedDemoOrganisation(db);
  const teams = Object.fromEntries((await db.team.findMany()).map((team) => [team.slug, team.id])) as Record<
    "platform" | "payments" | "logistics",
    string
  >;
  const { hub } = await createPlatformHub(db, {
    accountId: "111111111111",
    alias: "platform-hub",
    externalId: "gh-demo-platform-hub-7c1e",
    owningTeamId: teams.platform,
    hub: { region: "eu-west-1", linkMode: "v1", ...hubFacts },
  });
  await db.awsAccount.create({
    data: {
      accountId: "222222222222",
      alias: "payments-prod",
      kind: "application",
      roleArn: "arn:aws:iam::222222222222:role/GatehouseProvisioner",
      externalId: "gh-demo-payments-prod-3f9a",
      regions: ["eu-west-1"],
      owningTeamId: teams.payments,
      verifiedAt: new Date(),
    },
  });
  const users = new Map<string, CurrentUser>();
  for (const user of await db.user.findMany()) {
    const current = await findActiveUser(db, user.id);
    if (current) users.set(user.name, current);
  }
  const userNamed = (name: DemoUserName): CurrentUser => {
    const user = users.get(name);
    if (!user) throw new Error(`demo user ${name} missing`);
    return user;
  };

  /** A request of Paul Payments (remote network scenario) straight into the database, in the given status. */
  async function putRequest(overrides: Partial<Prisma.ExposureRequestUncheckedCreateInput> = {}): Promise<string> {
    const request = await db.exposureRequest.create({
      data: {
        teamId: teams.payments,
        requesterId: userNamed("Paul Payments").id,
        hubId: hub.id,
        ...ledgerRequestAnswers(),
        justification: "Finance needs the ledger from the hub.",
        status: "pending_approval",
        ...overrides,
      },
    });
    return request.id;
  }

  return { teams, hubId: hub.id, userNamed, putRequest };
}

/** A verified platform account with Gatehouse's role and a hub in one region (more hubs: `regions`). */
export async function createPlatformHub(
  db: Db,
  input: {
    accountId: string;
    alias: string;
    externalId: string;
    owningTeamId: string;
    regions?: string[];
    hub: { region: string; linkMode?: "v1" | "v2" } & Partial<HubFacts>;
  },
) {
  const account = await db.awsAccount.create({
    data: {
      accountId: input.accountId,
      alias: input.alias,
      kind: "platform",
      roleArn: `arn:aws:iam::${input.accountId}:role/GatehouseProvisioner`,
      externalId: input.externalId,
      regions: input.regions ?? [input.hub.region],
      owningTeamId: input.owningTeamId,
      verifiedAt: new Date(),
    },
  });
  const hub = await db.platformHub.create({ data: { ...placeholderHub, ...input.hub, accountId: account.id } });
  return { account, hub };
}

/** The wizard's body for the payments team's ledger service in another network by IP (scenario B), as a browser sends it. */
export function remoteNetworkRequestBody(world: { teams: { payments: string } }) {
  return {
    ...ledgerRequestAnswers(),
    teamId: world.teams.payments,
    region: "eu-west-1",
    justification: "Finance reads the ledger from the hub.",
  };
}

/** The request form's answers for the ledger service behind Frankfurt's data centre (remote network scenario). */
export function ledgerRequestAnswers() {
  return {
    scenario: "remote_network" as const,
    remoteNetworkName: "datacenter-frankfurt",
    remoteIps: ["10.50.12.34"],
    port: 8080,
    apiName: "ledger",
    stageName: "prod",
  };
}
