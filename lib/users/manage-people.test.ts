import { describe, expect, it } from "vitest";
import { grantRole } from "./grant-role";
import { revokeRole } from "./revoke-role";
import { setUserDisabled } from "./set-user-disabled";
import { findActiveUser } from "./sign-in";
import { authenticateApiToken, createApiToken } from "@/lib/api-tokens/api-tokens";
import { seedDemoOrganisation } from "@/lib/demo/demo-organisation";
import { toPublicError } from "@/lib/errors";
import { createTeam } from "@/lib/teams/create-team";
import { sharedTestDatabase } from "@/lib/testing/shared-test-database";

// Platform admins managing people, on real PostgreSQL: hand grants, the last platform admin, and access that ends at
// once when someone is disabled or loses their last role.

const actor = { label: "ada.admin@gatehouse.demo" };

const database = sharedTestDatabase((created) => seedDemoOrganisation(created.db));

const userId = async (email: string) => (await database.db.user.findUniqueOrThrow({ where: { email } })).id;
const teamId = async (slug: string) => (await database.db.team.findUniqueOrThrow({ where: { slug } })).id;
const membershipsOf = async (email: string) =>
  database.db.membership.findMany({ where: { userId: await userId(email) }, include: { team: true } });

async function tokenFor(email: string): Promise<string> {
  const user = (await findActiveUser(database.db, await userId(email)))!;
  const { secret } = await createApiToken(database.db, user, {
    name: `t-${Date.now()}`,
    scopes: ["requests:read"],
    expiresInDays: 7,
  });
  return secret;
}

describe("people and teams", () => {
  it("creates a team once; the same slug again is a 409 naming the field", async () => {
    const team = await createTeam(database.db, actor, { slug: "billing", name: "Billing", kind: "application" });
    expect(team.slug).toBe("billing");
    const refusal = await createTeam(database.db, actor, { slug: "billing", name: "Again", kind: "application" }).catch(
      (error: unknown) => error,
    );
    expect(toPublicError(refusal, "en").body).toEqual({
      code: "CONFLICT",
      message: "A team with the slug billing exists.",
      fieldErrors: { slug: ["Already used by another team."] },
    });
    expect(toPublicError(refusal, "zh-CN").body.fieldErrors).toEqual({ slug: ["已被其他团队使用。"] });
    expect(await database.db.auditEvent.count({ where: { action: "team.created", targetId: team.id } })).toBe(1);
  });

  it("grants a role by hand, audited, and a missing user is NOT_FOUND", async () => {
    await grantRole(database.db, actor, await userId("lena.logistics@gatehouse.demo"), {
      teamId: await teamId("billing"),
      role: "viewer",
    });
    expect(
      (await membershipsOf("lena.logistics@gatehouse.demo")).map((m) => `${m.role}:${m.team.slug}:${m.source}`).sort(),
    ).toEqual(["requester:logistics:admin", "viewer:billing:admin"]);
    await expect(
      grantRole(database.db, actor, "nobody", { teamId: await teamId("billing"), role: "viewer" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses to revoke a role that comes from an IdP group", async () => {
    const lena = await userId("lena.logistics@gatehouse.demo");
    const idp = await database.db.membership.create({
      data: {
        userId: lena,
        teamId: await teamId("payments"),
        role: "viewer",
        source: "idp_group",
        idpGroup: "pay-viewers",
      },
    });
    await expect(revokeRole(database.db, actor, lena, idp.id)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("never removes or disables the last platform admin", async () => {
    const ada = await userId("ada.admin@gatehouse.demo");
    const grace = await userId("grace.admin@gatehouse.demo");
    await setUserDisabled(database.db, actor, grace, true);
    await expect(setUserDisabled(database.db, actor, ada, true)).rejects.toMatchObject({ code: "CONFLICT" });
    const adaAdmin = (await membershipsOf("ada.admin@gatehouse.demo")).find((m) => m.role === "admin")!;
    await expect(revokeRole(database.db, actor, ada, adaAdmin.id)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("last platform admin"),
    });
    await expect(grantRole(database.db, actor, ada, { teamId: adaAdmin.teamId, role: "viewer" })).rejects.toMatchObject(
      {
        code: "CONFLICT",
      },
    );
    // With Grace back, Ada's admin role may go.
    await setUserDisabled(database.db, actor, grace, false);
    await revokeRole(database.db, actor, ada, adaAdmin.id);
    expect(await membershipsOf("ada.admin@gatehouse.demo")).toEqual([]);
  });

  it("disabling someone ends their sessions and their tokens at once; enabling does not bring the tokens back", async () => {
    const email = "paul.payments@gatehouse.demo";
    const paul = await userId(email);
    const secret = await tokenFor(email);
    const { sessionVersion } = await database.db.user.findUniqueOrThrow({ where: { id: paul } });
    expect((await authenticateApiToken(database.db, secret)).user.id).toBe(paul);

    await setUserDisabled(database.db, actor, paul, true);
    await expect(authenticateApiToken(database.db, secret)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await findActiveUser(database.db, paul, { sessionVersion })).toBeNull();
    expect(await database.db.auditEvent.count({ where: { action: "user.disabled", targetId: paul } })).toBe(1);

    await setUserDisabled(database.db, actor, paul, false);
    await expect(authenticateApiToken(database.db, secret)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await findActiveUser(database.db, paul, { sessionVersion })).toBeNull();
  });

  it("revoking someone's last role ends their sessions and tokens", async () => {
    const email = "lena.logistics@gatehouse.demo";
    const lena = await userId(email);
    await database.db.membership.deleteMany({ where: { userId: lena, source: "idp_group" } });
    const secret = await tokenFor(email);
    const { sessionVersion } = await database.db.user.findUniqueOrThrow({ where: { id: lena } });
    const [first, last] = await membershipsOf(email);
    await revokeRole(database.db, actor, lena, first!.id);
    expect(await findActiveUser(database.db, lena, { sessionVersion })).not.toBeNull();
    await revokeRole(database.db, actor, lena, last!.id);
    await expect(authenticateApiToken(database.db, secret)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await findActiveUser(database.db, lena, { sessionVersion })).toBeNull();
  });
});
