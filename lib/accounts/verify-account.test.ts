import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerAccount } from "./register-account";
import { rolePolicyDocument } from "./role-policy";
import { parseVerification } from "./verification";
import { verifyAccount } from "./verify-account";
import { portalPrincipalArn } from "@/lib/aws/portal-identity";
import { seedDemoOrganisation } from "@/lib/demo/demo-organisation";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { startSimulator, type RunningSimulator } from "@/simulator/server";
import { useSimulatorAsAws } from "@/lib/testing/simulator-as-aws";

// Registration and verification against the simulator: the portal identity from the default chain, the demo
// landscape's roles, and roles changed as an admin would change them in IAM.

let database: TestDatabase;
let sim: RunningSimulator;
const admin = { label: "ada.admin@gatehouse.demo" };
const savedEnv = { ...process.env };

beforeAll(async () => {
  [database, sim] = await Promise.all([createTestDatabase(), startSimulator({ profile: "instant" })]);
  useSimulatorAsAws(sim);
  await seedDemoOrganisation(database.db);
});

afterAll(async () => {
  process.env = savedEnv;
  await Promise.all([database.drop(), sim.close()]);
});

async function teamId(slug: string): Promise<string> {
  return (await database.db.team.findUniqueOrThrow({ where: { slug } })).id;
}

async function register(accountId: string, kind: "application" | "platform", slug: string) {
  return registerAccount(database.db, admin, {
    accountId,
    alias: `${slug}-${accountId.slice(0, 3)}`,
    kind,
    owningTeamId: await teamId(slug),
    regions: ["eu-west-1"],
    roleName: "GatehouseProvisioner",
  });
}

/** The role as the admin deployed it from the template: the account's own ExternalId, and the generated policy without `missing`. */
function deployRole(roleArn: string, externalId: string, missing?: string) {
  const role = sim.runtime.world.data.roles[roleArn];
  if (!role) throw new Error(`no role ${roleArn} in the landscape`);
  role.externalId = externalId;
  const kind = role.accountId === "111111111111" ? "platform" : "application";
  const generated = rolePolicyDocument(kind, { partition: "aws", accountId: role.accountId, regions: ["eu-west-1"] });
  const statements = generated.Statement.map((statement) => ({
    ...statement,
    Action: statement.Action.filter((action) => action !== missing),
  }));
  role.policies = [{ ...generated, Statement: statements.filter((statement) => statement.Action.length > 0) }];
}

describe("registering and verifying accounts", () => {
  it("reads the portal's identity as the role a trust policy names", async () => {
    expect(await portalPrincipalArn()).toBe("arn:aws:iam::123456789012:role/gatehouse-portal");
  });

  it("passes a platform account whose role has every permission, and records when", async () => {
    const account = await register("111111111111", "platform", "platform");
    deployRole(account.roleArn, account.externalId);
    const verification = await verifyAccount(database.db, admin, account.id);
    expect(verification.ok).toBe(true);
    const byStatus = (status: string) =>
      verification.checks.filter((check) => check.status === status).map((check) => check.action);
    expect(byStatus("missing")).toEqual([]);
    expect(byStatus("inconclusive")).toEqual([]);
    expect(byStatus("passed")).toEqual(
      expect.arrayContaining([
        "sts:AssumeRole",
        "ec2:CreateVpcEndpoint",
        "ec2:DescribeVpcs",
        "elasticloadbalancing:DescribeTargetHealth",
        "apigateway:GET",
      ]),
    );
    expect(byStatus("not_checked")).toContain("elasticloadbalancing:CreateLoadBalancer");

    const stored = await database.db.awsAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(stored.verifiedAt?.toISOString()).toBe(verification.checkedAt);
    expect(parseVerification(stored.verification)).toEqual(verification);
  });

  it("names the one missing action with its fix, and the account is not verified", async () => {
    const account = await register("222222222222", "application", "payments");
    deployRole(account.roleArn, account.externalId, "ec2:CreateVpcEndpointServiceConfiguration");
    const verification = await verifyAccount(database.db, admin, account.id);
    expect(verification.ok).toBe(false);
    const missing = verification.checks.filter((check) => check.status === "missing");
    expect(missing).toEqual([
      expect.objectContaining({
        action: "ec2:CreateVpcEndpointServiceConfiguration",
        detail: expect.stringContaining("UnauthorizedOperation"),
        fix: {
          key: "accounts.checks.addToPolicy",
          values: { action: "ec2:CreateVpcEndpointServiceConfiguration", sid: expect.any(String) },
        },
      }),
    ]);
    expect((await database.db.awsAccount.findUniqueOrThrow({ where: { id: account.id } })).verifiedAt).toBeNull();

    deployRole(account.roleArn, account.externalId);
    expect((await verifyAccount(database.db, admin, account.id)).ok).toBe(true);
    const events = await database.db.auditEvent.findMany({
      where: { action: "account.verified", targetId: "222222222222" },
      orderBy: { id: "asc" },
    });
    expect(events.map((event) => event.details)).toEqual([
      { ok: false, missing: ["ec2:CreateVpcEndpointServiceConfiguration"] },
      { ok: true, missing: [] },
    ]);
  });

  it("puts a refused AssumeRole (wrong ExternalId) first and checks nothing else", async () => {
    const account = await database.db.awsAccount.findUniqueOrThrow({ where: { accountId: "222222222222" } });
    deployRole(account.roleArn, "gh-someone-elses-value");
    const verification = await verifyAccount(database.db, admin, account.id);
    expect(verification.ok).toBe(false);
    expect(verification.checks[0]).toMatchObject({
      action: "sts:AssumeRole",
      status: "missing",
      detail: { key: "accounts.checks.notAssumed", values: { answer: expect.stringContaining("AccessDenied") } },
      fix: { key: "accounts.checks.assumeFix", values: { externalId: account.externalId } },
    });
    expect(new Set(verification.checks.slice(1).map((check) => check.status))).toEqual(new Set(["not_checked"]));
    expect((await database.db.awsAccount.findUniqueOrThrow({ where: { id: account.id } })).verifiedAt).toBeNull();
  });

  it("refuses a second registration of the same account ID with a field error, writing nothing", async () => {
    const before = await database.db.auditEvent.count();
    await expect(register("222222222222", "application", "payments")).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Account 222222222222 is already registered; open it from the account list.",
      fieldErrors: { accountId: ["validation.accounts.alreadyRegistered"] },
    });
    await expect(register("333333333333", "platform", "payments")).rejects.toMatchObject({
      message: "A platform account belongs to a platform team.",
      fieldErrors: { owningTeamId: ["validation.accounts.platformTeam"] },
    });
    expect(await database.db.auditEvent.count()).toBe(before);
  });

  it("gives every account its own ExternalId and records the registration", async () => {
    const accounts = await database.db.awsAccount.findMany();
    expect(new Set(accounts.map((account) => account.externalId)).size).toBe(accounts.length);
    expect(accounts.every((account) => /^gh-[\w-]{24}$/.test(account.externalId))).toBe(true);
    const registered = await database.db.auditEvent.findMany({ where: { action: "account.registered" } });
    expect(registered.map((event) => event.targetId).sort()).toEqual(["111111111111", "222222222222"]);
  });
});
