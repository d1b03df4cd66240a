import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fullMapUpTo, type PlatformMapResponse } from "@/lib/topology/load-platform-map";
import { session } from "@/lib/testing/session-stand-in";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { seedApplicationAccount, seedExposure, seedHub } from "@/lib/topology/testing/seed-exposures";
import { findActiveUser } from "@/lib/users/sign-in";

// GET /api/topology on a map too large to send whole, through its route handler and a real PostgreSQL: the aggregate
// and the detail of a group count and show only the viewer's teams' exposures (another team's account, network and
// API names appear nowhere, not even as a count), the platform team sees all of them, and a change in the database
// reaches a poll that held the previous ETag.

vi.mock("@/lib/auth/current-user", () => import("@/lib/testing/session-stand-in"));

let database: TestDatabase;
let hubId: string;
const paymentsCount = fullMapUpTo + 5;

async function signInAs(email: string): Promise<void> {
  const user = await database.db.user.findUniqueOrThrow({ where: { email } });
  session.user = await findActiveUser(database.db, user.id);
}

async function getTopology(query = "", headers: Record<string, string> = {}) {
  const { GET } = await import("@/app/api/topology/route");
  const response = await GET(new Request(`http://gatehouse.test/api/topology${query}`, { headers }));
  const text = await response.text();
  return { status: response.status, etag: response.headers.get("etag") ?? "", text };
}

const parsed = (text: string) => JSON.parse(text) as PlatformMapResponse;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  const hub = await seedHub(database.db, "v2");
  hubId = hub.hubId;
  await seedApplicationAccount(database.db, "999999999922", "payments");
  await seedApplicationAccount(database.db, "999999999933", "logistics");
  for (let index = 0; index < paymentsCount; index++)
    await seedExposure(database.db, {
      hub,
      apiName: `checkout-${index}`,
      stage: index === 0 ? "broken" : "active",
      sourceAccountId: "999999999922",
    });
  await seedExposure(database.db, { hub, apiName: "depot", teamSlug: "logistics", sourceAccountId: "999999999933" });
  await seedExposure(database.db, { hub, apiName: "yard", teamSlug: "logistics", scenario: "remote_network" });
}, 120_000);

afterAll(async () => database.drop());

describe("GET /api/topology on a large map", () => {
  it("gives a requester an aggregate of their team's exposures only", async () => {
    await signInAs("paul.payments@gatehouse.demo");
    const { status, text } = await getTopology();
    expect(status).toBe(200);
    const map = parsed(text);
    if (map.view !== "summary") throw new Error(`expected the aggregate, got ${map.view}`);
    expect(map.exposureCount).toBe(paymentsCount);
    expect(map.groups.map((group) => group.id)).toEqual([`${hubId}/account/999999999922`]);
    expect(map.groups[0]?.cells.reduce((sum, cell) => sum + cell.count, 0)).toBe(paymentsCount);
    expect(map.groups[0]?.cells.some((cell) => cell.worst === "degraded" || cell.worst === "failed")).toBe(true);
    for (const theirs of ["999999999933", "datacenter-frankfurt", "Logistics", "depot", "yard"])
      expect(text).not.toContain(theirs);
    // Small enough for fit view: no chain, only counts.
    expect(text).not.toContain("checkout-");
  });

  it("gives the detail of a requester's own group, and nothing of another team's group they name", async () => {
    await signInAs("paul.payments@gatehouse.demo");
    const own = parsed((await getTopology(`?view=detail&group=${hubId}/account/999999999922`)).text);
    if (own.view !== "detail") throw new Error(`expected the detail, got ${own.view}`);
    expect(own.exposures).toHaveLength(paymentsCount);
    expect(own.graph.nodes.some((node) => node.label.includes("checkout-7"))).toBe(true);

    const theirs = await getTopology(
      `?view=detail&group=${hubId}/account/999999999933&group=${hubId}/network/datacenter-frankfurt`,
    );
    expect(theirs.status).toBe(200);
    expect(parsed(theirs.text)).toMatchObject({ view: "detail", exposures: [], graph: { nodes: [], edges: [] } });
    for (const secret of ["depot", "yard", "10.50.1.10"]) expect(theirs.text).not.toContain(secret);
  });

  it("shows platform admins and viewers every team's groups and their detail", async () => {
    for (const email of ["ada.admin@gatehouse.demo", "vic.viewer@gatehouse.demo"]) {
      await signInAs(email);
      const map = parsed((await getTopology()).text);
      if (map.view !== "summary") throw new Error(`expected the aggregate, got ${map.view}`);
      expect(map.exposureCount).toBe(paymentsCount + 2);
      expect(map.groups.map((group) => group.id)).toEqual([
        `${hubId}/account/999999999922`,
        `${hubId}/account/999999999933`,
        `${hubId}/network/datacenter-frankfurt`,
      ]);
      const { text } = await getTopology(`?view=detail&group=${hubId}/network/datacenter-frankfurt`);
      expect(text).toContain("yard");
      expect(text).not.toContain("checkout-");
    }
  });

  it("rejects a malformed detail query with the field named", async () => {
    await signInAs("paul.payments@gatehouse.demo");
    const { status, text } = await getTopology("?view=detail");
    expect(status).toBe(422);
    expect(text).toContain("group");
  });

  it("answers 304 to an unchanged map and the new map once an exposure changes", async () => {
    await signInAs("ada.admin@gatehouse.demo");
    const first = await getTopology();
    expect((await getTopology("", { "if-none-match": first.etag })).status).toBe(304);
    await database.db.exposureRequest.updateMany({ where: { apiName: "depot" }, data: { status: "failed" } });
    const changed = await getTopology("", { "if-none-match": first.etag });
    expect(changed.status).toBe(200);
    expect(changed.etag).not.toBe(first.etag);
    const map = parsed(changed.text);
    if (map.view !== "summary") throw new Error(`expected the aggregate, got ${map.view}`);
    expect(map.groups[1]?.cells.map((cell) => cell.status)).toEqual(["failed"]);
  });
});
