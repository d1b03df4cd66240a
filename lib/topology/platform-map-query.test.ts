import { describe, expect, it } from "vitest";
import { detailGroupsWhere, maxDetailGroups, rawTopologyQuery, topologyQuerySchema } from "./platform-map-query";

const parse = (query: string) =>
  topologyQuerySchema.safeParse(rawTopologyQuery(new URL(`http://portal.test/${query}`)));

describe("the topology query", () => {
  it("is the platform map without parameters", () => {
    expect(parse("").data).toEqual({ view: "map", group: [] });
  });

  it("reads repeated groups of the detail view as hub and application side", () => {
    const { data } = parse("?view=detail&group=hub1/account/222222222222&group=hub1/network/dc/frankfurt");
    expect(data?.group).toEqual([
      { id: "hub1/account/222222222222", hubId: "hub1", side: { kind: "account", accountId: "222222222222" } },
      { id: "hub1/network/dc/frankfurt", hubId: "hub1", side: { kind: "network", name: "dc/frankfurt" } },
    ]);
    expect(detailGroupsWhere(data?.group ?? [])).toEqual({
      OR: [
        { hubId: "hub1", scenario: "cross_account_nlb", sourceAccountId: "222222222222" },
        { hubId: "hub1", scenario: "remote_network", remoteNetworkName: "dc/frankfurt" },
      ],
    });
  });

  it("rejects a detail view without groups, a malformed group and too many groups, naming the field", () => {
    for (const query of [
      "?view=detail",
      "?view=detail&group=hub1/vpc/x",
      `?view=detail&${Array.from({ length: maxDetailGroups + 1 }, (_, index) => `group=h/account/${index}`).join("&")}`,
      "?view=everything",
    ]) {
      const result = parse(query);
      expect(result.success, query).toBe(false);
      expect(result.error?.issues[0]?.path[0], query).toMatch(/^(group|view)$/);
    }
  });
});
