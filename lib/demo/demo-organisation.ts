import { recordAuditEvent, systemActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import type { MembershipRole, TeamKind } from "@/lib/generated/prisma/client";

// The demo organisation seeded for the embedded default: a platform team with two admins (so four-eyes approval can
// be tried), two application teams with a requester each, and a read-only viewer.

export const demoTeams = [
  { slug: "platform", name: "Platform Engineering", kind: "platform" },
  { slug: "payments", name: "Payments", kind: "application" },
  { slug: "logistics", name: "Logistics", kind: "application" },
] as const satisfies readonly { slug: string; name: string; kind: TeamKind }[];

export type DemoTeamSlug = (typeof demoTeams)[number]["slug"];

export const demoUsers = [
  { email: "ada.admin@gatehouse.demo", name: "Ada Admin", team: "platform", role: "admin" },
  { email: "grace.admin@gatehouse.demo", name: "Grace Admin", team: "platform", role: "admin" },
  { email: "paul.payments@gatehouse.demo", name: "Paul Payments", team: "payments", role: "requester" },
  { email: "lena.logistics@gatehouse.demo", name: "Lena Logistics", team: "logistics", role: "requester" },
  { email: "vic.viewer@gatehouse.demo", name: "Vic Viewer", team: "platform", role: "viewer" },
] as const satisfies readonly { email: string; name: string; team: DemoTeamSlug; role: MembershipRole }[];

/** Creates the demo organisation once; later calls change nothing. */
export async function seedDemoOrganisation(db: Db): Promise<{ created: boolean }> {
  return db.$transaction(async (tx) => {
    const existing = await tx.team.count({ where: { slug: { in: demoTeams.map((team) => team.slug) } } });
    if (existing > 0) return { created: false };
    const teams = new Map<string, string>();
    for (const team of demoTeams) {
      const created = await tx.team.create({ data: team });
      teams.set(team.slug, created.id);
    }
    for (const user of demoUsers) {
      const teamId = teams.get(user.team);
      if (!teamId) throw new Error(`demo team ${user.team} missing`);
      await tx.user.create({
        data: { email: user.email, name: user.name, memberships: { create: { teamId, role: user.role } } },
      });
    }
    await recordAuditEvent(tx, {
      actor: systemActor,
      action: "demo.seeded",
      targetType: "organisation",
      details: { teams: demoTeams.map((team) => team.slug), users: demoUsers.map((user) => user.email) },
    });
    return { created: true };
  });
}

// The demo landscape's two accounts, registered with the ExternalIds their simulated roles were created with, so the
// admin of a fresh demo only verifies them and configures the hub from the live VPC lists. Not part of the
// organisation seed, which test fixtures build on with accounts of their own.
export const demoAccounts = [
  {
    accountId: "111111111111",
    alias: "platform-hub",
    kind: "platform",
    team: "platform",
    externalId: "gh-demo-platform-hub-7c1e",
  },
  {
    accountId: "222222222222",
    alias: "payments-prod",
    kind: "application",
    team: "payments",
    externalId: "gh-demo-payments-prod-3f9a",
  },
] as const satisfies readonly {
  accountId: string;
  alias: string;
  kind: TeamKind;
  team: DemoTeamSlug;
  externalId: string;
}[];

/** Registers the demo accounts (unverified) once, after the organisation; later calls change nothing. */
export async function seedDemoAccounts(db: Db): Promise<{ created: boolean }> {
  return db.$transaction(async (tx) => {
    const existing = await tx.awsAccount.count({
      where: { accountId: { in: demoAccounts.map((account) => account.accountId) } },
    });
    if (existing > 0) return { created: false };
    for (const { team, ...account } of demoAccounts) {
      const owner = await tx.team.findUniqueOrThrow({ where: { slug: team } });
      const roleArn = `arn:aws:iam::${account.accountId}:role/GatehouseProvisioner`;
      await tx.awsAccount.create({ data: { ...account, roleArn, regions: ["eu-west-1"], owningTeamId: owner.id } });
      await recordAuditEvent(tx, {
        actor: systemActor,
        action: "account.registered",
        targetType: "aws_account",
        targetId: account.accountId,
        details: { alias: account.alias, kind: account.kind, regions: ["eu-west-1"], roleArn, demo: true },
      });
    }
    return { created: true };
  });
}
