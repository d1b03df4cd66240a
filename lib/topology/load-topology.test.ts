import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPlatformTopology, loadRequestTopology } from "./load-topology";
import { seedApplicationAccount, seedExposure, seedHub, type SeededHub } from "./testing/seed-exposures";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

let database: TestDatabase;
let hub: SeededHub;

beforeAll(async () => {
  database = await createTestDatabase();
  hub = await seedHub(database.db, "v1");
  await seedApplicationAccount(database.db);
});
afterAll(async () => database.drop());

describe("loadRequestTopology", () => {
  it("draws a pending request as the plan and says nothing is in flight", async () => {
    const id = await seedExposure(database.db, { hub, apiName: "plan-only", stage: "plan" });
    const { graph, inFlight } = await loadRequestTopology(database.db, id);
    expect(graph.nodes.find((node) => node.kind === "rest-api")?.state).toBe("planned");
    expect(graph.groups.find((group) => group.id === "account:999999999922")?.label).toBe(
      "Application account app-9922 (999999999922)",
    );
    expect(inFlight).toBe(false);
  });

  it("reads the run's steps and outputs while provisioning, and polls", async () => {
    const id = await seedExposure(database.db, { hub, apiName: "in-flight", stage: "provisioning" });
    const { graph, inFlight } = await loadRequestTopology(database.db, id);
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
    const { graph } = await loadRequestTopology(database.db, id);
    expect(graph.edges.find((edge) => edge.hop === "targets.register")).toMatchObject({
      state: "degraded",
      reason: expect.stringContaining("Target.FailedHealthChecks"),
    });
  });

  it("answers NOT_FOUND for an unknown request", async () => {
    await expect(loadRequestTopology(database.db, "nope")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("loadPlatformTopology", () => {
  it("maps active and in-flight exposures, not decommissioned or pending ones", async () => {
    await seedExposure(database.db, { hub, apiName: "gone", stage: "decommissioned" });
    const { exposures, graph } = await loadPlatformTopology(database.db);
    expect(exposures.map((exposure) => exposure.apiName).sort()).toEqual(["broken", "in-flight"]);
    expect(graph.nodes.filter((node) => node.kind === "execute-api-endpoint")).toHaveLength(1);
  });
});
