import { describe, expect, it, vi } from "vitest";
import { demoUsers, seedDemoOrganisation } from "@/lib/demo/demo-organisation";
import { session } from "@/lib/testing/session-stand-in";
import { sharedApiDatabase } from "@/lib/testing/shared-test-database";
import { findActiveUser } from "@/lib/users/sign-in";

// The people and team routes through their real handlers and a real database: the exact status of each refusal.

vi.mock("@/lib/auth/current-user", () => import("@/lib/testing/session-stand-in"));

let routes: {
  user: typeof import("@/app/api/users/[id]/route");
  roles: typeof import("@/app/api/users/[id]/roles/route");
  role: typeof import("@/app/api/users/[id]/roles/[membershipId]/route");
  teams: typeof import("@/app/api/teams/route");
};
const host = "http://gatehouse.test";
const send = (method: string, body?: unknown) =>
  new Request(`${host}/api/x`, {
    method,
    headers: { "content-type": "application/json", host: "gatehouse.test", origin: host },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const params = <T extends Record<string, string>>(values: T) => ({ params: Promise.resolve(values) });
const userOf = async (index: number) => {
  const row = await database.db.user.findUniqueOrThrow({ where: { email: demoUsers[index]!.email } });
  return (await findActiveUser(database.db, row.id))!;
};

const database = sharedApiDatabase(async ({ db }) => {
  await seedDemoOrganisation(db);
  routes = {
    user: await import("@/app/api/users/[id]/route"),
    roles: await import("@/app/api/users/[id]/roles/route"),
    role: await import("@/app/api/users/[id]/roles/[membershipId]/route"),
    teams: await import("@/app/api/teams/route"),
  };
});

describe("people routes", () => {
  it("401 anonymous, 403 a non-admin, 404 a missing user, 422 bad input with its field", async () => {
    const paul = await userOf(2);
    session.user = null;
    expect((await routes.teams.POST(send("POST", { slug: "x1", name: "X" }))).status).toBe(401);
    session.user = paul;
    expect((await routes.teams.POST(send("POST", { slug: "x1", name: "X" }))).status).toBe(403);
    expect((await routes.user.PATCH(send("PATCH", { disabled: true }), params({ id: paul.id }))).status).toBe(403);

    session.user = await userOf(0);
    expect((await routes.user.PATCH(send("PATCH", { disabled: true }), params({ id: "missing" }))).status).toBe(404);
    const bad = await routes.roles.POST(send("POST", { teamId: "", role: "owner" }), params({ id: paul.id }));
    expect(bad.status).toBe(422);
    expect(Object.keys(((await bad.json()) as { fieldErrors: object }).fieldErrors).sort()).toEqual(["role", "teamId"]);
    const badTeam = await routes.teams.POST(send("POST", { slug: "Not A Slug", name: "" }));
    expect(badTeam.status).toBe(422);
    expect(await database.db.team.count()).toBe(3);
  });

  it("201 for a new team and a granted role; 409 for the last platform admin", async () => {
    const ada = await userOf(0);
    session.user = ada;
    const team = await routes.teams.POST(send("POST", { slug: "billing", name: "Billing" }));
    expect(team.status).toBe(201);
    const { id: teamId } = (await team.json()) as { id: string };
    expect((await routes.teams.POST(send("POST", { slug: "billing", name: "Again" }))).status).toBe(409);
    expect((await routes.roles.POST(send("POST", { teamId, role: "viewer" }), params({ id: ada.id }))).status).toBe(
      201,
    );

    const grace = await userOf(1);
    expect((await routes.user.PATCH(send("PATCH", { disabled: true }), params({ id: grace.id }))).status).toBe(200);
    const last = await routes.user.PATCH(send("PATCH", { disabled: true }), params({ id: ada.id }));
    expect(last.status).toBe(409);
    expect(((await last.json()) as { message: string }).message).toContain("last platform admin");
    const adaAdmin = await database.db.membership.findFirstOrThrow({ where: { userId: ada.id, role: "admin" } });
    const revoke = await routes.role.DELETE(send("DELETE"), params({ id: ada.id, membershipId: adaAdmin.id }));
    expect(revoke.status).toBe(409);
    expect((await routes.role.DELETE(send("DELETE"), params({ id: ada.id, membershipId: "missing" }))).status).toBe(
      404,
    );
  });
});
