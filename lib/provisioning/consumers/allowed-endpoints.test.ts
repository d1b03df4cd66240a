import { describe, expect, it } from "vitest";
import { allowedVpcEndpointIds, associationPatch } from "./allowed-endpoints";

describe("the endpoints an exposure allows", () => {
  it("joins the hub's, the admins' list and approved grants, once each, sorted", () => {
    expect(
      allowedVpcEndpointIds({
        hub: { executeApiEndpointId: "vpce-hub" },
        consumerEndpoints: { vpcEndpointIds: ["vpce-b", "vpce-a"] },
        accessGrants: [{ vpcEndpointId: "vpce-c" }, { vpcEndpointId: "vpce-a" }],
      }),
    ).toEqual(["vpce-a", "vpce-b", "vpce-c", "vpce-hub"]);
    expect(
      allowedVpcEndpointIds({ hub: { executeApiEndpointId: "vpce-hub" }, consumerEndpoints: null, accessGrants: [] }),
    ).toEqual(["vpce-hub"]);
  });

  it("associates the allowed endpoints with the API and dissociates the others", () => {
    const path = "/endpointConfiguration/vpcEndpointIds";
    expect(associationPatch(["vpce-hub", "vpce-old"], ["vpce-hub", "vpce-new"])).toEqual([
      { op: "add", value: "vpce-new", path },
      { op: "remove", value: "vpce-old", path },
    ]);
    expect(associationPatch(["vpce-hub"], ["vpce-hub"])).toEqual([]);
  });
});
