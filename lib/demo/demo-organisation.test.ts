import { describe, expect, it } from "vitest";
import { demoTeams, demoUsers, seedDemoAccounts, seedDemoOrganisation } from "./demo-organisation";
import { sharedTestDatabase } from "@/lib/testing/shared-test-database";

const database = sharedTestDatabase();

describe("seedDemoOrganisation", () => {
  it("creates two application teams with a requester each, two platform admins and a viewer, once", async () => {
    expect(await seedDemoOrganisation(database.db)).toEqual({ created: true });
    expect(await seedDemoOrganisation(database.db)).toEqual({ created: false });

    const users = await database.db.user.findMany({ include: { memberships: { include: { team: true } } } });
    expect(users).toHaveLength(demoUsers.length);
    const roleOf = (role: string) =>
      users.filter((user) => user.memberships.some((membership) => membership.role === role));
    expect(roleOf("admin").map((user) => user.memberships[0]?.team.kind)).toEqual(["platform", "platform"]);
    expect(roleOf("viewer")).toHaveLength(1);
    const requesterTeams = roleOf("requester").flatMap((user) =>
      user.memberships.map((membership) => membership.team.slug),
    );
    expect(requesterTeams.sort()).toEqual(
      demoTeams
        .filter((team) => team.kind === "application")
        .map((team) => team.slug)
        .sort(),
    );

    const seeded = await database.db.auditEvent.findMany({ where: { action: "demo.seeded" } });
    expect(seeded).toHaveLength(1);
  });

  it("registers the demo landscape's accounts for the admin to verify, once", async () => {
    expect(await seedDemoAccounts(database.db)).toEqual({ created: true });
    expect(await seedDemoAccounts(database.db)).toEqual({ created: false });
    const accounts = await database.db.awsAccount.findMany({
      include: { owningTeam: true },
      orderBy: { accountId: "asc" },
    });
    expect(
      accounts.map((account) => [
        account.alias,
        account.kind,
        account.owningTeam.slug,
        account.externalId,
        account.verifiedAt,
      ]),
    ).toEqual([
      ["platform-hub", "platform", "platform", "gh-demo-platform-hub-7c1e", null],
      ["payments-prod", "application", "payments", "gh-demo-payments-prod-3f9a", null],
    ]);
    expect(await database.db.auditEvent.count({ where: { action: "account.registered" } })).toBe(2);
  });
});
