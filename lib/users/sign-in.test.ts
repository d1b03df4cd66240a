import { describe, expect, it } from "vitest";
import type { OidcIdentity } from "./link-oidc-identity";
import { findActiveUser, signInDemoUser, signInOidcUser } from "./sign-in";
import { grantRole } from "./grant-role";
import { grantsForGroups, parseGroupRoles } from "@/lib/auth/oidc-group-roles";
import { seedDemoOrganisation } from "@/lib/demo/demo-organisation";
import { sharedTestDatabase } from "@/lib/testing/shared-test-database";

const issuer = "https://idp.corp.example";
const mapping = parseGroupRoles(
  "platform-admins=admin:platform,pay-devs=requester:payments,pay-viewers=viewer:payments",
);

const database = sharedTestDatabase((created) => seedDemoOrganisation(created.db));

const identity = (overrides: Partial<OidcIdentity>): OidcIdentity => ({
  issuer,
  subject: "idp|x",
  email: "x@corp.example",
  emailVerified: true,
  name: "X",
  groups: [],
  ...overrides,
});

async function signIn(overrides: Partial<OidcIdentity>) {
  const who = identity(overrides);
  return signInOidcUser(database.db, who, grantsForGroups(mapping, who.groups));
}

async function rolesOf(userId: string) {
  const user = await database.db.user.findUniqueOrThrow({
    where: { id: userId },
    include: { memberships: { include: { team: true }, orderBy: { team: { slug: "asc" } } } },
  });
  return user.memberships.map((membership) => `${membership.role}:${membership.team.slug}:${membership.source}`).sort();
}

const refusals = (userId: string) =>
  database.db.auditEvent.findMany({ where: { action: "auth.sign_in_refused", targetId: userId } });

describe("demo sign-in", () => {
  it("signs in a seeded user and records it in the audit log", async () => {
    const user = await signInDemoUser(database.db, "Ada.Admin@gatehouse.demo");
    expect(user?.name).toBe("Ada Admin");
    const events = await database.db.auditEvent.findMany({ where: { action: "auth.sign_in", targetId: user?.id } });
    expect(events).toHaveLength(1);
  });

  it("refuses unknown and disabled users", async () => {
    expect(await signInDemoUser(database.db, "nobody@gatehouse.demo")).toBeNull();
    await database.db.user.update({ where: { email: "vic.viewer@gatehouse.demo" }, data: { disabled: true } });
    expect(await signInDemoUser(database.db, "vic.viewer@gatehouse.demo")).toBeNull();
  });
});

describe("OIDC sign-in links by issuer + subject", () => {
  it("creates a first-time user without any role, linked to the issuer and subject", async () => {
    const result = await signIn({ subject: "idp|1", email: "new@corp.example" });
    if (!result.ok) throw new Error(result.reason);
    expect(await rolesOf(result.user.id)).toEqual([]);
    const stored = await database.db.user.findUniqueOrThrow({ where: { id: result.user.id } });
    expect([stored.oidcIssuer, stored.oidcSubject]).toEqual([issuer, "idp|1"]);
    expect(await database.db.auditEvent.count({ where: { action: "user.created", targetId: result.user.id } })).toBe(1);
  });

  it("links a user an admin created when the IdP has verified the email and the user has no subject yet", async () => {
    const paul = await database.db.user.findUniqueOrThrow({ where: { email: "paul.payments@gatehouse.demo" } });
    const result = await signIn({ subject: "idp|paul", email: "Paul.Payments@gatehouse.demo", emailVerified: true });
    expect(result).toMatchObject({ ok: true, user: { id: paul.id } });
    expect(await database.db.auditEvent.count({ where: { action: "user.linked", targetId: paul.id } })).toBe(1);
  });

  it("refuses an unverified email that names an existing user, and audits why", async () => {
    const lena = await database.db.user.findUniqueOrThrow({ where: { email: "lena.logistics@gatehouse.demo" } });
    const result = await signIn({ subject: "idp|mallory", email: lena.email, emailVerified: false });
    expect(result).toEqual({ ok: false, reason: "email_not_verified" });
    expect((await database.db.user.findUniqueOrThrow({ where: { id: lena.id } })).oidcSubject).toBeNull();
    expect((await refusals(lena.id)).map((event) => (event.details as { reason: string }).reason)).toEqual([
      "email_not_verified",
    ]);
    expect(await database.db.user.count({ where: { oidcSubject: "idp|mallory" } })).toBe(0);
  });

  it("refuses even a verified email once that user signs in with another subject: no subject is overwritten", async () => {
    const paul = await database.db.user.findUniqueOrThrow({ where: { email: "paul.payments@gatehouse.demo" } });
    const result = await signIn({ subject: "idp|someone-else", email: paul.email, emailVerified: true });
    expect(result).toEqual({ ok: false, reason: "email_linked_to_another_identity" });
    expect((await database.db.user.findUniqueOrThrow({ where: { id: paul.id } })).oidcSubject).toBe("idp|paul");
    expect(await refusals(paul.id)).toHaveLength(1);
  });

  it("does not match the same subject from a different issuer", async () => {
    const result = await signIn({
      issuer: "https://other-idp.example",
      subject: "idp|paul",
      email: "paul.payments@gatehouse.demo",
    });
    expect(result).toEqual({ ok: false, reason: "email_linked_to_another_identity" });
  });

  it("finds a linked user by subject whatever email the token now claims", async () => {
    const paul = await database.db.user.findUniqueOrThrow({ where: { email: "paul.payments@gatehouse.demo" } });
    const result = await signIn({ subject: "idp|paul", email: "ada.admin@gatehouse.demo", emailVerified: false });
    expect(result).toMatchObject({ ok: true, user: { id: paul.id, email: "paul.payments@gatehouse.demo" } });
  });

  it("refuses a disabled user", async () => {
    await signIn({ subject: "idp|leaver", email: "leaver@corp.example" });
    await database.db.user.update({ where: { email: "leaver@corp.example" }, data: { disabled: true } });
    expect(await signIn({ subject: "idp|leaver", email: "leaver@corp.example" })).toEqual({
      ok: false,
      reason: "disabled",
    });
  });
});

describe("OIDC sign-in recomputes the memberships IdP groups give", () => {
  it("adds, changes and removes IdP-group roles at each sign-in and audits each change", async () => {
    const first = await signIn({
      subject: "idp|dev",
      email: "dev@corp.example",
      groups: ["pay-devs", "platform-admins"],
    });
    if (!first.ok) throw new Error(first.reason);
    const id = first.user.id;
    expect(await rolesOf(id)).toEqual(["admin:platform:idp_group", "requester:payments:idp_group"]);
    expect(await findActiveUser(database.db, id)).toMatchObject({
      memberships: expect.arrayContaining([expect.objectContaining({ role: "admin" })]),
    });

    await signIn({ subject: "idp|dev", email: "dev@corp.example", groups: ["pay-viewers"] });
    expect(await rolesOf(id)).toEqual(["viewer:payments:idp_group"]);
    const revoked = await database.db.auditEvent.findMany({ where: { action: "membership.revoked", targetId: id } });
    expect(revoked.map((event) => (event.details as { team: string }).team).sort()).toEqual(["payments", "platform"]);
  });

  it("keeps a role an admin granted by hand when the groups no longer give it", async () => {
    const first = await signIn({ subject: "idp|kept", email: "kept@corp.example", groups: ["pay-devs"] });
    if (!first.ok) throw new Error(first.reason);
    const payments = await database.db.team.findUniqueOrThrow({ where: { slug: "payments" } });
    await grantRole(database.db, { label: "ada.admin@gatehouse.demo" }, first.user.id, {
      teamId: payments.id,
      role: "viewer",
    });
    await signIn({ subject: "idp|kept", email: "kept@corp.example", groups: [] });
    expect(await rolesOf(first.user.id)).toEqual(["viewer:payments:admin"]);
  });

  it("ends the sessions of someone whose groups no longer give any role", async () => {
    const first = await signIn({ subject: "idp|gone", email: "gone@corp.example", groups: ["pay-devs"] });
    if (!first.ok) throw new Error(first.reason);
    const second = await signIn({ subject: "idp|gone", email: "gone@corp.example", groups: [] });
    if (!second.ok) throw new Error(second.reason);
    expect(second.user.sessionVersion).toBe(first.user.sessionVersion + 1);
    expect(await findActiveUser(database.db, first.user.id, { sessionVersion: first.user.sessionVersion })).toBeNull();
    expect(
      await findActiveUser(database.db, first.user.id, { sessionVersion: second.user.sessionVersion }),
    ).not.toBeNull();
  });

  it("never takes roles from the token: a group the mapping does not know grants nothing", async () => {
    const result = await signIn({ subject: "idp|3", email: "x3@corp.example", groups: ["admin", "platform"] });
    if (!result.ok) throw new Error(result.reason);
    expect(await rolesOf(result.user.id)).toEqual([]);
  });
});
