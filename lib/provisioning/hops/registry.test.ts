import { describe, expect, it } from "vitest";
import { chainHops, hopOf, teardownHops } from "./registry";

describe("the hop registry", () => {
  it("names every hop once", () => {
    const ids = [...chainHops, ...teardownHops].map((hop) => hop.id);
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
});
