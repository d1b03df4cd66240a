import { describe, expect, it } from "vitest";
import { aggregatePlatform, mapGroupId } from "./aggregate-platform";
import { exposureFactsFixture, type FixtureOptions } from "./testing/exposure-facts-fixture";

const facts = (options: FixtureOptions[]) => options.map((one) => exposureFactsFixture(one));

describe("aggregatePlatform", () => {
  it("groups exposures per hub and application account or remote network, counting per team, scenario and status", () => {
    const groups = aggregatePlatform(
      facts([
        { requestId: "a1", sourceAccountId: "222222222222" },
        { requestId: "a2", sourceAccountId: "222222222222" },
        { requestId: "a3", sourceAccountId: "222222222222", stage: "provisioning" },
        { requestId: "b1", sourceAccountId: "333333333333", teamId: "team-logistics" },
        { requestId: "n1", scenario: "remote_network" },
      ]),
    );
    expect(groups.map((group) => group.id)).toEqual([
      "hub1/account/222222222222",
      "hub1/account/333333333333",
      "hub1/network/datacenter-frankfurt",
    ]);
    const [first, second, network] = groups;
    expect(first?.hub).toEqual({
      id: "hub1",
      accountId: "111111111111",
      accountAlias: "platform-hub",
      vpcId: "vpc-hub",
      region: "eu-west-1",
    });
    expect(first?.side).toEqual({ kind: "account", accountId: "222222222222", alias: "payments-prod" });
    expect(first?.cells).toEqual([
      { teamName: "team-payments", scenario: "cross_account_nlb", status: "active", count: 2, worst: "healthy" },
      { teamName: "team-payments", scenario: "cross_account_nlb", status: "provisioning", count: 1, worst: "creating" },
    ]);
    expect(second?.cells).toEqual([
      { teamName: "team-logistics", scenario: "cross_account_nlb", status: "active", count: 1, worst: "healthy" },
    ]);
    expect(network?.side).toEqual({ kind: "network", name: "datacenter-frankfurt" });
    expect(network?.cells.map((cell) => cell.count)).toEqual([1]);
  });

  it("shows a cell in its worst exposure's state: one broken hop among healthy chains makes it degraded or failed", () => {
    const [group] = aggregatePlatform(
      facts([{ requestId: "a1" }, { requestId: "a2", stage: "broken" }, { requestId: "a3" }]),
    );
    expect(group?.cells).toHaveLength(1);
    expect(group?.cells[0]?.count).toBe(3);
    expect(["degraded", "failed"]).toContain(group?.cells[0]?.worst);
  });

  it("holds no request IDs, API names or ARNs: only counts and the groups' own accounts", () => {
    const json = JSON.stringify(aggregatePlatform(facts([{ requestId: "secret-request" }])));
    expect(json).not.toContain("secret-request");
    expect(json).not.toContain("arn:");
  });

  it("names a group so the detail endpoint can find it again", () => {
    expect(mapGroupId("hub1", { kind: "account", accountId: "222222222222" })).toBe("hub1/account/222222222222");
    expect(mapGroupId("hub1", { kind: "network", name: "dc/frankfurt" })).toBe("hub1/network/dc/frankfurt");
  });
});
