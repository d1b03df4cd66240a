import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPlatformTopology, loadRequestTopology } from "./load-topology";
import { seedApplicationAccount, seedExposure, seedHub, type SeededHub } from "./testing/seed-exposures";
import type { CurrentUser } from "@/lib/auth/permissions";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { findActiveUser } from "@/lib/users/sign-in";

let database: TestDatabase;
let hub: SeededHub;
let admin: CurrentUser;

async function demoUser(email: string): Promise<CurrentUser> {
  const user = await database.db.user.findUniqueOrThrow({ where: { email } });
  const current = await findActiveUser(database.db, user.id);
  if (!current) throw new Error(`${email} is not active`);
  return current;
}

beforeAll(async () => {
  database = await createTestDatabase();
  hub = await seedHub(database.db, "v1");
  await seedApplicationAccount(database.db);
  admin = await demoUser("ada.admin@gatehouse.demo");
});
afterAll(async () => database.drop());

describe("loadRequestTopology", () => {
  it("draws a pending request as the plan and says nothing is in flight", async () => {
    const id = await seedExposure(database.db, { hub, apiName: "plan-only", stage: "plan" });
    const { graph, inFlight } = await loadRequestTopology(database.db, admin, id);
    expect(graph.nodes.find((node) => node.kind === "rest-api")?.state).toBe("planned");
    expect(graph.groups.find((group) => group.id === "account:999999999922")?.label).toBe(
      "Application account app-9922 (999999999922)",
    );
    expect(inFlight).toBe(false);
  });

  it("draws the chain in the reader's language", async () => {
    const id = await seedExposure(database.db, { hub, apiName: "plan-zh", stage: "plan" });
    const { graph } = await loadRequestTopology(database.db, admin, id, "zh-CN");
    expect(graph.groups.find((group) => group.id === "account:999999999922")?.label).toBe(
      "应用账户 app-9922（999999999922）",
    );
    expect(graph.nodes.find((node) => node.kind === "vpc-link")?.label).toBe("VPC 链接（V1）");
  });

  it("reads the run's steps and outputs while provisioning, and polls", async () => {
    const id = await seedExposure(database.db, { hub, apiName: "in-flight", stage: "provisioning" });
    const { graph, inFlight } = await loadRequestTopology(database.db, admin, id);
    expect(graph.nodes.find((node) => node.kind === "endpoint-service")).toMatchObject({
      state: "healthy",
      identifiers: expect.arrayContaining([{ label: "Service ID", value: "vpce-svc-in-flight" }]),
    });
    expect(graph.nodes.some((node) => node.state === "creating")).toBe(true);
    expect(inFlight).toBe(true);
  });

  it("shows the latest verify's broken hop with its reason", async () => {
    const id = await seedExposure(database.db, { hub, apiName: "broken", stage: "broken" });
    await database.db.chainCheck.create({ data: { requestId: id, checkedAt: new Date("2020-01-01"), healthy: true } });
    const { graph } = await loadRequestTopology(database.db, admin, id);
    expect(graph.edges.find((edge) => edge.hop === "targets.register")).toMatchObject({
      state: "degraded",
      reason: expect.stringContaining("Target.FailedHealthChecks"),
    });
  });

  it("answers NOT_FOUND for an unknown request", async () => {
    await expect(loadRequestTopology(database.db, admin, "nope")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("loadPlatformTopology", () => {
  it("maps active and in-flight exposures, not decommissioned or pending ones", async () => {
    await seedExposure(database.db, { hub, apiName: "gone", stage: "decommissioned" });
    const { exposures, graph } = await loadPlatformTopology(database.db, admin);
    expect(exposures.map((exposure) => exposure.apiName).sort()).toEqual(["broken", "in-flight"]);
    expect(graph.nodes.filter((node) => node.kind === "execute-api-endpoint")).toHaveLength(1);
  });
});

describe("team scoping", () => {
  it("shows a requester their team's exposures and the hub they share, not another team's chain", async () => {
    await seedApplicationAccount(database.db, "999999999933", "logistics");
    const theirs = await seedExposure(database.db, {
      hub,
      apiName: "tracking",
      stage: "active",
      teamSlug: "logistics",
      sourceAccountId: "999999999933",
    });
    const paul = await demoUser("paul.payments@gatehouse.demo");

    const { exposures, graph } = await loadPlatformTopology(database.db, paul);
    expect(exposures.map((exposure) => exposure.apiName).sort()).toEqual(["broken", "in-flight"]);
    expect(graph.nodes.some((node) => node.kind === "execute-api-endpoint")).toBe(true);
    const shown = JSON.stringify(graph);
    expect(shown).not.toContain("999999999933");
    expect(shown).not.toContain(theirs);
    expect(shown).not.toContain("tracking");

    const everything = await loadPlatformTopology(database.db, await demoUser("vic.viewer@gatehouse.demo"));
    expect(everything.exposures.map((exposure) => exposure.apiName)).toContain("tracking");
    expect(JSON.stringify(everything.graph)).toContain("999999999933");
  });

  it("answers NOT_FOUND for another team's request, and the chain to its own team and the platform team", async () => {
    const [theirs] = await database.db.exposureRequest.findMany({
      where: { apiName: "tracking" },
      select: { id: true },
    });
    const id = theirs?.id ?? "";
    await expect(
      loadRequestTopology(database.db, await demoUser("paul.payments@gatehouse.demo"), id),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const lena = await demoUser("lena.logistics@gatehouse.demo");
    expect((await loadRequestTopology(database.db, lena, id)).exposures).toHaveLength(1);
    expect((await loadRequestTopology(database.db, admin, id)).exposures).toHaveLength(1);
  });
});
