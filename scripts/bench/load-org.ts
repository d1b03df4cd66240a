import type { Db } from "@/lib/db/client";
import { demoUsers } from "@/lib/demo/demo-organisation";
import { seedApplicationAccount, seedExposure, seedHub } from "@/lib/topology/testing/seed-exposures";
import type { FixtureOptions } from "@/lib/topology/testing/exposure-facts-fixture";

// The organisation `npm run bench:load` signs in to: the demo organisation plus more application teams, platform
// admins and requesters, two hubs and `requests` exposure requests spread over the teams at every lifecycle stage the
// pages show (mostly active, some provisioning, broken, waiting for approval, decommissioned), and `checkDays` days of
// the verify job's checks of each verified chain.

export type LoadUser = { email: string; role: "admin" | "requester"; teamSlug: string };
export type LoadOrg = { users: LoadUser[]; requestsByTeam: Map<string, string[]> };

const applicationTeams = ["payments", "logistics", "billing", "search", "identity", "catalog", "shipping", "risk"];

function stageOf(index: number): NonNullable<FixtureOptions["stage"]> {
  if (index % 10 === 3) return "plan";
  if (index % 20 === 7) return "provisioning";
  if (index % 25 === 11) return "broken";
  if (index % 30 === 13) return "decommissioned";
  return "active";
}

async function addUsers(db: Db, admins: number, requestersPerTeam: number): Promise<LoadUser[]> {
  const platform = await db.team.findUniqueOrThrow({ where: { slug: "platform" } });
  const users: LoadUser[] = demoUsers
    .filter((user) => user.role !== "viewer")
    .map((user) => ({ email: user.email, role: user.role as LoadUser["role"], teamSlug: user.team }));
  const create = async (email: string, name: string, teamId: string, role: LoadUser["role"], teamSlug: string) => {
    await db.user.create({ data: { email, name, memberships: { create: { teamId, role } } } });
    users.push({ email, role, teamSlug });
  };
  for (let index = 1; index <= admins - 2; index++)
    await create(`admin-${index}@load.bench`, `Admin ${index}`, platform.id, "admin", "platform");
  for (const slug of applicationTeams) {
    const team = await db.team.upsert({
      where: { slug },
      update: {},
      create: { slug, name: slug[0]?.toUpperCase() + slug.slice(1), kind: "application" },
    });
    const already = users.filter((user) => user.teamSlug === slug).length;
    for (let index = already + 1; index <= requestersPerTeam; index++)
      await create(`${slug}-${index}@load.bench`, `${slug} requester ${index}`, team.id, "requester", slug);
  }
  return users;
}

/**
 * The verify job's history: it checks every active chain every 10 minutes (provisioning.verify), so a chain in use
 * for `days` has 144 checks a day behind its latest one. Written in one statement, healthy, older than the latest.
 */
async function seedCheckHistory(db: Db, days: number): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "ChainCheck" ("id", "requestId", "checkedAt", "healthy", "hops")
    SELECT md5(random()::text || n::text || latest."id"), latest."requestId",
           latest."checkedAt" - n * interval '10 minutes', true, latest."hops"
    FROM "ChainCheck" latest CROSS JOIN generate_series(1, ${days * 144}::int) AS n`;
}

export async function seedLoadOrg(db: Db, requests: number, checkDays: number): Promise<LoadOrg> {
  const v1Hub = await seedHub(db, "v1");
  const v2Hub = await seedHub(db, "v2");
  const users = await addUsers(db, 10, 5);
  const requestsByTeam = new Map<string, string[]>();
  for (let index = 0; index < requests; index++) {
    const teamSlug = applicationTeams[index % applicationTeams.length] ?? "payments";
    const sourceAccountId = String(900000000000 + (index % 16));
    await seedApplicationAccount(db, sourceAccountId, teamSlug);
    const id = await seedExposure(db, {
      hub: index % 2 === 0 ? v2Hub : v1Hub,
      apiName: `load-${index}`,
      stage: stageOf(index),
      scenario: index % 4 === 0 ? "remote_network" : "cross_account_nlb",
      sourceAccountId,
      teamSlug,
    });
    requestsByTeam.set(teamSlug, [...(requestsByTeam.get(teamSlug) ?? []), id]);
  }
  await seedCheckHistory(db, checkDays);
  return { users, requestsByTeam };
}
