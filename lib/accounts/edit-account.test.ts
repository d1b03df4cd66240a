import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editAccountSchema } from "./account-schemas";
import { accountRoleTemplate, accountView } from "./account-views";
import { editAccount, rotateExternalId } from "./edit-account";
import { quickCreateUrl } from "./role-template";
import type { Db } from "@/lib/db/client";
import { seedRequestWorld } from "@/lib/requests/testing/seed-request-world";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

// Editing a registered account and rotating its ExternalId against a real PostgreSQL: what changes, what stays, when
// the account must be verified again, and that every refusal leaves the row and the audit log as they were.

let database: TestDatabase;
let db: Db;
let teams: Record<"platform" | "payments" | "logistics", string>;
const admin = { label: "ada.admin@gatehouse.demo" };

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  ({ teams } = await seedRequestWorld(db));
});

afterAll(async () => {
  await database.drop();
});

const accountNamed = (accountId: string) =>
  db.awsAccount.findUniqueOrThrow({ where: { accountId }, include: { owningTeam: true } });

const edit = async (accountId: string, changes: Record<string, unknown>) => {
  const account = await accountNamed(accountId);
  const input = editAccountSchema.parse({
    alias: account.alias,
    owningTeamId: account.owningTeamId,
    regions: account.regions,
    roleName: accountView(account).roleName,
    ...changes,
  });
  return editAccount(db, admin, account.id, input);
};

describe("editing an account", () => {
  it("changes alias, team and regions, keeps it verified, and records each change", async () => {
    await edit("222222222222", {
      alias: "payments-live",
      owningTeamId: teams.logistics,
      regions: ["eu-west-1", "eu-central-1"],
    });
    const account = await accountNamed("222222222222");
    expect(account).toMatchObject({
      accountId: "222222222222",
      kind: "application",
      alias: "payments-live",
      owningTeamId: teams.logistics,
    });
    expect(account.regions).toEqual(["eu-west-1", "eu-central-1"]);
    expect(account.verifiedAt).not.toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "account.updated", targetId: "222222222222" },
    });
    expect(event.details).toEqual({
      changes: {
        alias: { from: "payments-prod", to: "payments-live" },
        owningTeamId: { from: teams.payments, to: teams.logistics },
        regions: { from: ["eu-west-1"], to: ["eu-west-1", "eu-central-1"] },
      },
    });
    await edit("222222222222", { alias: "payments-prod", owningTeamId: teams.payments, regions: ["eu-west-1"] });
  });

  it("makes the account unverified when the role changes, and derives the new role ARN", async () => {
    await edit("222222222222", { roleName: "GatehouseProvisionerV2" });
    const account = await accountNamed("222222222222");
    expect(account.roleArn).toBe("arn:aws:iam::222222222222:role/GatehouseProvisionerV2");
    expect(account.verifiedAt).toBeNull();
    expect(account.verification).toBeNull();
    await edit("222222222222", { roleName: "GatehouseProvisioner" });
    await db.awsAccount.update({ where: { accountId: "222222222222" }, data: { verifiedAt: new Date() } });
  });

  it("writes nothing when nothing changed", async () => {
    const events = await db.auditEvent.count();
    await edit("222222222222", {});
    expect(await db.auditEvent.count()).toBe(events);
  });

  it("refuses a team of the other kind, another partition and dropping a hub's region, on the field, writing nothing", async () => {
    const before = await accountNamed("111111111111");
    const events = await db.auditEvent.count();
    const refusals: [Record<string, unknown>, string, RegExp][] = [
      [{ owningTeamId: teams.payments }, "owningTeamId", /A platform account belongs to a platform team/],
      [{ owningTeamId: "no-such-team" }, "owningTeamId", /Choose one of the listed teams/],
      [{ regions: ["cn-north-1"] }, "regions", /stay in the account's partition/],
      [{ regions: ["eu-central-1"] }, "regions", /Keep eu-west-1: a hub or an unfinished exposure/],
    ];
    for (const [changes, field, message] of refusals) {
      // The message names the value; the field error is its catalogue key, put into words by the API and the form.
      await expect(edit("111111111111", changes)).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        message: expect.stringMatching(message),
        fieldErrors: { [field]: [expect.stringMatching(/^validation\.accounts\./)] },
      });
    }
    expect(await accountNamed("111111111111")).toEqual(before);
    expect(await db.auditEvent.count()).toBe(events);
  });

  it("answers 404 for an account that does not exist", async () => {
    const input = editAccountSchema.parse({
      alias: "ghost",
      owningTeamId: teams.payments,
      regions: ["eu-west-1"],
      roleName: "R",
    });
    await expect(editAccount(db, admin, "no-such-account", input)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("rotating the ExternalId", () => {
  it("generates a new one, unverifies the account, puts it in the template and quick-create link, and audits both", async () => {
    const before = await accountNamed("222222222222");
    await rotateExternalId(db, admin, before.id);
    const after = await accountNamed("222222222222");
    expect(after.externalId).toMatch(/^gh-[\w-]{24}$/);
    expect(after.externalId).not.toBe(before.externalId);
    expect(after.verifiedAt).toBeNull();

    const view = accountView(after);
    const template = accountRoleTemplate(view, "arn:aws:iam::123456789012:role/gatehouse-portal") as {
      Parameters: { ExternalId: { Default: string } };
    };
    expect(template.Parameters.ExternalId.Default).toBe(after.externalId);
    const link = quickCreateUrl({
      ...view,
      region: "eu-west-1",
      templateUrl: "https://bucket.s3.amazonaws.com/role.json",
    });
    expect(new URL(link).hash).toContain(`param_ExternalId=${after.externalId}`);

    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "account.external_id_rotated", targetId: "222222222222" },
    });
    expect(event).toMatchObject({
      actorLabel: admin.label,
      details: { previous: before.externalId, externalId: after.externalId },
    });
  });
});
