import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findActiveUser, signInDemoUser, signInOidcUser } from "./sign-in";
import { parseGroupRoles } from "@/lib/auth/oidc-group-roles";
import { seedDemoOrganisation } from "@/lib/demo/demo-organisation";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoOrganisation(database.db);
});

afterAll(async () => {
  await database.drop();
});

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

describe("OIDC sign-in", () => {
  it("creates a first-time user without any role", async () => {
    const user = await signInOidcUser(database.db, { subject: "idp|1", email: "new@corp.example", name: "New Person", groups: [] }, []);
    const loaded = await findActiveUser(database.db, user?.id ?? "");
    expect(loaded?.memberships).toEqual([]);
    expect(await database.db.auditEvent.count({ where: { action: "user.created", targetId: user?.id } })).toBe(1);
  });

  it("grants the memberships a configured group maps to, once", async () => {
    const grants = parseGroupRoles("pay-devs=requester:payments");
    const identity = { subject: "idp|2", email: "dev@corp.example", name: "Dev", groups: ["pay-devs"] };
    const first = await signInOidcUser(database.db, identity, grants);
    await signInOidcUser(database.db, identity, grants);
    const loaded = await findActiveUser(database.db, first?.id ?? "");
    expect(loaded?.memberships.map((membership) => [membership.teamSlug, membership.role])).toEqual([["payments", "requester"]]);
  });

  it("never takes roles from the token: a group the mapping does not know grants nothing", async () => {
    const user = await signInOidcUser(database.db, { subject: "idp|3", email: "x@corp.example", name: "X", groups: ["admin", "platform"] }, []);
    expect((await findActiveUser(database.db, user?.id ?? ""))?.memberships).toEqual([]);
  });
});
