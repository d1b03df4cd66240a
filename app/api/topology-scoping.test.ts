import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { session } from "@/lib/testing/session-stand-in";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { seedApplicationAccount, seedExposure, seedHub } from "@/lib/topology/testing/seed-exposures";
import { findActiveUser } from "@/lib/users/sign-in";

// GET /api/topology through its route handler and a real PostgreSQL: a requester's map holds their team's chains and
// the hub, never another team's account, ARNs or remote IPs; another team's request is a 404; the platform team sees
// every chain.

vi.mock("@/lib/auth/current-user", () => import("@/lib/testing/session-stand-in"));

let database: TestDatabase;
let logisticsRequest: string;
let paymentsRequest: string;

async function signInAs(email: string): Promise<void> {
  const user = await database.db.user.findUniqueOrThrow({ where: { email } });
  session.user = await findActiveUser(database.db, user.id);
}

async function getTopology(query = ""): Promise<{ status: number; text: string }> {
  const { GET } = await import("@/app/api/topology/route");
  const response = await GET(new Request(`http://gatehouse.test/api/topology${query}`));
  return { status: response.status, text: await response.text() };
}

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  const hub = await seedHub(database.db, "v1");
  await seedApplicationAccount(database.db, "999999999922", "payments");
  await seedApplicationAccount(database.db, "999999999933", "logistics");
  paymentsRequest = await seedExposure(database.db, { hub, apiName: "checkout", stage: "active" });
  logisticsRequest = await seedExposure(database.db, {
    hub,
    apiName: "depot",
    stage: "active",
    teamSlug: "logistics",
    scenario: "remote_network",
  });
});

afterAll(async () => database.drop());

describe("GET /api/topology", () => {
  it("shows a requester their team's chain and the shared hub, nothing of another team's", async () => {
    await signInAs("paul.payments@gatehouse.demo");
    const { status, text } = await getTopology();
    expect(status).toBe(200);
    expect(text).toContain("checkout");
    expect(text).toContain("999999999901"); // the hub's platform account
    expect(text).not.toContain(logisticsRequest);
    expect(text).not.toContain("depot");
  });

  it("answers 404 for another team's request, as for one that does not exist", async () => {
    await signInAs("paul.payments@gatehouse.demo");
    const theirs = await getTopology(`?requestId=${logisticsRequest}`);
    expect(theirs.status).toBe(404);
    expect(theirs.text).not.toContain("depot");
    expect((await getTopology(`?requestId=${paymentsRequest}`)).status).toBe(200);
  });

  it("shows platform admins and viewers every team's chain", async () => {
    for (const email of ["ada.admin@gatehouse.demo", "vic.viewer@gatehouse.demo"]) {
      await signInAs(email);
      const { text } = await getTopology();
      expect(text).toContain("depot");
      expect(text).toContain("checkout");
      expect((await getTopology(`?requestId=${logisticsRequest}`)).status).toBe(200);
    }
  });
});
