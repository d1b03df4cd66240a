import { describe, expect, it } from "vitest";
import { exposureHeadroom, quotaDefinitions, type QuotaKey, type QuotaReading } from "./hub-quotas";

const reading = (key: QuotaKey, used: number, limit = quotaDefinitions[key].documentedDefault): QuotaReading => ({
  key,
  name: quotaDefinitions[key].name,
  limit,
  limitSource: "awsDefault",
  used,
});

describe("exposureHeadroom", () => {
  it("is decided by the scarcest quota: a V1 hub runs out of VPC links long before private APIs", () => {
    const readings = [reading("privateRestApis", 100), reading("networkLoadBalancers", 10), reading("vpcLinksV1", 15)];
    const { headroom, scarcest } = exposureHeadroom(readings, "v1", false);
    expect(headroom).toBe(5);
    expect(scarcest?.key).toBe("vpcLinksV1");
  });

  it("ignores V1 links on a V2 hub whose shared link exists, leaving NLBs as the limit", () => {
    const readings = [reading("networkLoadBalancers", 48), reading("vpcLinksV1", 20), reading("vpcLinksV2", 10)];
    expect(exposureHeadroom(readings, "v2", true)).toMatchObject({
      headroom: 2,
      scarcest: { key: "networkLoadBalancers" },
    });
  });

  it("has no room on a V2 hub without its shared link when the V2 link quota is used up", () => {
    const readings = [reading("networkLoadBalancers", 0), reading("vpcLinksV2", 10)];
    expect(exposureHeadroom(readings, "v2", false)).toMatchObject({ headroom: 0, scarcest: { key: "vpcLinksV2" } });
    expect(exposureHeadroom([reading("networkLoadBalancers", 0), reading("vpcLinksV2", 9)], "v2", false).headroom).toBe(
      50,
    );
  });

  it("never goes negative when AWS reports more in use than a lowered limit", () => {
    expect(exposureHeadroom([reading("networkLoadBalancers", 12, 10)], "v2", true).headroom).toBe(0);
  });
});
