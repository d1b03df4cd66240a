import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../server";
import { taggedResources, taggedResourcesAt } from "./tagged-resources";

// The e2e journeys read tagged resources from another process's state dump; they must see what in-process tests see.

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ profile: "instant" });
});

afterAll(async () => {
  await sim.close();
});

describe("taggedResourcesAt", () => {
  it("finds through GET /_sim/state exactly what taggedResources finds in process", async () => {
    const key = "kubernetes.io/service-name";
    const inProcess = taggedResources(sim, key, "payments/checkout-api");
    expect(inProcess.map((resource) => resource.kind)).toContain("elbv2.loadBalancer");
    expect(await taggedResourcesAt(sim.url, key, "payments/checkout-api")).toEqual(inProcess);
    expect(await taggedResourcesAt(sim.url, key, "nobody/nothing")).toEqual([]);
  });
});
