import { describe, expect, it } from "vitest";
import { chooseHub } from "./hub-choice";

const hub = (id: string, region: string, alias: string) => ({
  id,
  region,
  account: { alias, accountId: id.padStart(12, "1") },
});
const hubs = [
  hub("a", "eu-west-1", "platform-hub"),
  hub("b", "eu-central-1", "hub-fra"),
  hub("c", "eu-central-1", "hub-fra-2"),
];
const fieldErrorsOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { fieldErrors?: Record<string, string[]> }).fieldErrors;
  }
  throw new Error("expected a refusal");
};

describe("chooseHub", () => {
  it("takes the region's only hub without being told", () => {
    expect(chooseHub(hubs, "eu-west-1").id).toBe("a");
  });

  it("asks for a choice, naming the hubs, when several serve the region", () => {
    expect(fieldErrorsOf(() => chooseHub(hubs, "eu-central-1"))).toEqual({
      hubId: ["2 hubs serve eu-central-1; choose one: hub-fra (11111111111b), hub-fra-2 (11111111111c)."],
    });
    expect(chooseHub(hubs, "eu-central-1", "c").id).toBe("c");
  });

  it("refuses a hub of another region or an unknown one on the hub field", () => {
    expect(fieldErrorsOf(() => chooseHub(hubs, "eu-central-1", "a"))).toEqual({
      hubId: ["Choose one of the hubs that serve eu-central-1."],
    });
    expect(fieldErrorsOf(() => chooseHub(hubs, "eu-west-1", "nope"))?.hubId).toBeDefined();
  });

  it("says on the region that no hub serves it and what to ask the platform team", () => {
    expect(fieldErrorsOf(() => chooseHub(hubs, "us-east-1"))?.region?.[0]).toMatch(
      /^No platform hub serves us-east-1: .*ask the platform team to configure a hub in us-east-1/,
    );
  });
});
