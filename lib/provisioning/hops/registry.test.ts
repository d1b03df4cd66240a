import { describe, expect, it } from "vitest";
import { planRelink } from "../plan/plan-relink";
import { chainHops, hopOf, relinkHops, teardownHops } from "./registry";

describe("the hop registry", () => {
  it("names every hop once", () => {
    const ids = [...chainHops, ...teardownHops, ...relinkHops].map((hop) => hop.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("gives every hop that creates something a registered teardown hop", () => {
    // The listener goes with its NLB, the deployment with its REST API.
    const goWithTheirParent: string[] = ["listener.create", "restApi.deploy"];
    const creating = chainHops.filter((hop) => hop.creates && !goWithTheirParent.includes(hop.id));
    expect(creating.length).toBeGreaterThan(0);
    for (const hop of creating) expect(teardownHops, `${hop.id} has no teardown`).toContain(hop.teardown);
  });

  it("refuses a step ID no hop has", () => {
    expect(() => hopOf("vpcLink.teleport")).toThrow("no hop is called vpcLink.teleport");
  });

  it("plans a migration that deletes the V1 link only after the new path answered, and a repair that deletes nothing", () => {
    expect(planRelink("migrate")).toEqual([
      { id: "link.ensure", dependsOn: [] },
      { id: "integrations.repoint", dependsOn: ["link.ensure"] },
      { id: "integrations.deploy", dependsOn: ["integrations.repoint"] },
      { id: "integrations.verify", dependsOn: ["integrations.deploy"] },
      { id: "vpcLink.retire", dependsOn: ["integrations.verify"] },
    ]);
    expect(planRelink("repair").map((step) => step.id)).not.toContain("vpcLink.retire");
  });
});
