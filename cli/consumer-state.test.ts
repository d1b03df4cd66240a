import { describe, expect, it } from "vitest";
import { consumerEndpointsSchema, describeConsumerEndpoints } from "./consumer-state.ts";

// The portal's answer as GET/PUT …/consumer-endpoints gives it.
const answer = {
  requestId: "c1",
  hubEndpointId: "vpce-0hub0000000000000",
  vpcEndpointIds: ["vpce-1a2b3c4d"],
  revision: 3,
  appliedRevision: 3,
  appliedAt: "2026-12-04T10:00:00.000Z",
  inSync: true,
  lastError: null,
  pendingChange: null,
};

describe("describeConsumerEndpoints", () => {
  it("says the list is live when the stage serves its revision", () => {
    expect(describeConsumerEndpoints(consumerEndpointsSchema.parse(answer), "c1")).toEqual([
      "Live: revision 3 is applied. Consumer endpoints: vpce-1a2b3c4d.",
    ]);
  });

  it("says it is applying, or why it failed with the fix and how to apply again", () => {
    const applying = consumerEndpointsSchema.parse({ ...answer, vpcEndpointIds: [], revision: 4, inSync: false });
    expect(describeConsumerEndpoints(applying, "c1")).toEqual([
      "Applying revision 4 (consumer endpoints: none); run the command again to see when it is live.",
    ]);
    const failed = { ...applying, lastError: { message: "AccessDenied on UpdateRestApi.", fix: "Update the role." } };
    expect(describeConsumerEndpoints(failed, "c1")[0]).toBe(
      "Failed to apply revision 4: AccessDenied on UpdateRestApi. Fix: Update the role. Then: npx gatehouse consumers c1 --apply",
    );
  });

  it("shows a change waiting for a second admin, the endpoints that make it wait and the command that decides it", () => {
    const pending = consumerEndpointsSchema.parse({
      ...answer,
      pendingChange: {
        id: "p1",
        vpcEndpointIds: ["vpce-1a2b3c4d", "vpce-0a1b2c3d4e5f60718"],
        unregisteredEndpointIds: ["vpce-0a1b2c3d4e5f60718"],
        proposedBy: { id: "u1", label: "ada.admin@gatehouse.demo" },
        proposedAt: "2026-12-04T10:05:00.000Z",
      },
    });
    const lines = describeConsumerEndpoints(pending, "c1");
    expect(lines[0]).toBe("Live: revision 3 is applied. Consumer endpoints: vpce-1a2b3c4d.");
    expect(lines[1]).toBe(
      "Pending approval: ada.admin@gatehouse.demo proposed the list vpce-1a2b3c4d, vpce-0a1b2c3d4e5f60718; no registered " +
        "account owns vpce-0a1b2c3d4e5f60718, so nothing changes until another platform admin runs: " +
        "npx gatehouse consumers c1 --approve (or --reject)",
    );
  });
});
