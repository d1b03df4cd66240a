import { describe, expect, it } from "vitest";
import { selectHubsNearQuota, type StoredHubQuotas } from "./list-hubs-near-quota";

const readAt = new Date("2026-12-05T20:00:00Z");

function hub(alias: string, readings: { key: string; used: number; limit: number }[]): StoredHubQuotas {
  return {
    id: `hub-${alias}`,
    region: "eu-west-1",
    account: { alias, accountId: "111111111111" },
    quotaReadings: readings.map((reading) => ({ ...reading, name: reading.key, limitSource: "applied" })),
    quotasReadAt: readAt,
  };
}

describe("selectHubsNearQuota", () => {
  it("names each quota at 80 % of its limit or more, with its use and limit, fullest first", () => {
    const [near, ...others] = selectHubsNearQuota([
      hub("platform-hub", [
        { key: "privateRestApis", used: 480, limit: 600 },
        { key: "networkLoadBalancers", used: 39, limit: 40 },
        { key: "vpcLinksV1", used: 15, limit: 20 },
      ]),
    ]);
    expect(others).toEqual([]);
    expect(near).toEqual({
      hubId: "hub-platform-hub",
      label: "platform-hub (111111111111)",
      region: "eu-west-1",
      readAt,
      quotas: [
        { key: "networkLoadBalancers", used: 39, limit: 40 },
        { key: "privateRestApis", used: 480, limit: 600 },
      ],
    });
  });

  it("leaves out hubs with room everywhere, and hubs never read or with readings it cannot parse", () => {
    const roomy = hub("roomy", [{ key: "vpcLinksV2", used: 7, limit: 10 }]);
    const neverRead = { ...hub("never", [{ key: "vpcLinksV2", used: 10, limit: 10 }]), quotasReadAt: null };
    const garbled = { ...hub("garbled", []), quotaReadings: { used: "lots" } };
    expect(selectHubsNearQuota([roomy, neverRead, garbled])).toEqual([]);
  });

  it("puts the hub with the fullest quota first, and a limit of zero counts as full", () => {
    const hubs = selectHubsNearQuota([
      hub("eighty", [{ key: "vpcLinksV1", used: 16, limit: 20 }]),
      hub("zero", [{ key: "vpcLinksV2", used: 0, limit: 0 }]),
      hub("ninety", [{ key: "networkLoadBalancers", used: 45, limit: 50 }]),
    ]);
    expect(hubs.map((near) => near.label)).toEqual([
      "zero (111111111111)",
      "ninety (111111111111)",
      "eighty (111111111111)",
    ]);
  });
});
