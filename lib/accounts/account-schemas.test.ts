import { describe, expect, it } from "vitest";
import { editAccountSchema, registerAccountSchema, roleArnFor, splitRegions } from "./account-schemas";
import { translateValidationMessage } from "@/lib/i18n/translate";

// The messages as an admin reads them, in English (each schema message is a catalogue key).
const english = (message: string) => translateValidationMessage(message, "en");

const valid = {
  accountId: "222222222222",
  alias: "payments-prod",
  kind: "application",
  owningTeamId: "team1",
  regions: ["eu-west-1"],
  roleName: "GatehouseProvisioner",
};

function errorsOf(input: unknown): Record<string, string[]> {
  const parsed = registerAccountSchema.safeParse(input);
  if (parsed.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (errors[String(issue.path[0])] ??= []).push(english(issue.message));
  return errors;
}

describe("registerAccountSchema", () => {
  it("accepts a well-formed account and removes duplicate regions", () => {
    expect(registerAccountSchema.parse({ ...valid, regions: ["eu-west-1", "eu-west-1", "us-east-1"] }).regions).toEqual(
      ["eu-west-1", "us-east-1"],
    );
  });

  it.each([
    ["accountId", "12345678901", "exactly 12 digits"],
    ["accountId", "1234567890123", "exactly 12 digits"],
    ["accountId", "12345678901a", "exactly 12 digits"],
    ["alias", "<script>alert(1)</script>", "Lowercase letters"],
    ["alias", '{"a":1}', "Lowercase letters"],
    ["alias", "x".repeat(64), "At most 63"],
    ["kind", "admin", "application or platform"],
    ["roleName", "role name", "IAM role names use"],
    ["roleName", "arn:aws:iam::1:role/x", "IAM role names use"],
    ["roleName", "r".repeat(65), "at most 64"],
    ["owningTeamId", "", "Choose the team"],
  ])("rejects %s %j with a reason", (field, value, reason) => {
    expect(errorsOf({ ...valid, [field]: value })[field]?.join(" ")).toContain(reason);
  });

  it("rejects unknown, GovCloud and CIDR-like regions, and mixing China with other regions", () => {
    expect(Object.keys(errorsOf({ ...valid, regions: ["eu-west-9x"] }))).toEqual(["regions"]);
    expect(Object.keys(errorsOf({ ...valid, regions: ["us-gov-west-1"] }))).toEqual(["regions"]);
    expect(Object.keys(errorsOf({ ...valid, regions: ["10.0.0.0/8"] }))).toEqual(["regions"]);
    expect(errorsOf({ ...valid, regions: [] }).regions).toEqual(["Name at least one region."]);
    expect(errorsOf({ ...valid, regions: ["cn-north-1", "eu-west-1"] }).regions?.[0]).toContain("own partition");
  });
});

describe("roleArnFor", () => {
  it("derives the role ARN in the regions' partition", () => {
    expect(roleArnFor({ accountId: "222222222222", roleName: "R", regions: ["eu-west-1"] })).toBe(
      "arn:aws:iam::222222222222:role/R",
    );
    expect(roleArnFor({ accountId: "222222222222", roleName: "R", regions: ["cn-northwest-1"] })).toBe(
      "arn:aws-cn:iam::222222222222:role/R",
    );
  });
});

describe("splitRegions", () => {
  it("reads commas, spaces and newlines", () => {
    expect(splitRegions(" eu-west-1,eu-central-1\nus-east-1 ")).toEqual(["eu-west-1", "eu-central-1", "us-east-1"]);
  });
});

describe("editAccountSchema", () => {
  const edit = {
    alias: "payments-live",
    owningTeamId: "team1",
    regions: ["eu-west-1"],
    roleName: "GatehouseProvisioner",
  };

  it("accepts the editable fields", () => {
    expect(editAccountSchema.parse(edit)).toEqual(edit);
  });

  it("refuses a new account ID or kind on that field, and unknown fields", () => {
    const parsed = editAccountSchema.safeParse({
      ...edit,
      accountId: "333333333333",
      kind: "platform",
      externalId: "mine",
    });
    expect(parsed.success).toBe(false);
    const byField = Object.fromEntries(
      parsed.error?.issues.map((issue) => [issue.path.join(".") || "body", english(issue.message)]) ?? [],
    );
    expect(byField).toEqual({
      accountId: "The account ID cannot change; register the other account instead.",
      kind: "The kind cannot change; register the account again with the other kind.",
      body: expect.stringMatching(/externalId/),
    });
  });
});
