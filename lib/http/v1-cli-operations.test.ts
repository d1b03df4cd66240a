import { describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/api-tokens/api-tokens";
import type { TokenScope } from "@/lib/api-tokens/token-scopes";
import {
  remoteNetworkRequestBody,
  seedRequestWorld,
  type DemoUserName,
} from "@/lib/requests/testing/seed-request-world";
import { sharedApiDatabase } from "@/lib/testing/shared-test-database";

// The /api/v1 operations the CLI needs besides submit, approve and read: who am I, the dry run, asking for a
// decommission and verifying a chain. Through the real route handlers and a real database: the token's scope, the user's role and the
// request's state each refuse with their own status, bad bodies name the field, and a refusal writes nothing.

let world: Awaited<ReturnType<typeof seedRequestWorld>>;
let routes: {
  me: typeof import("@/app/api/v1/me/route");
  preview: typeof import("@/app/api/v1/requests/preview/route");
  decommission: typeof import("@/app/api/v1/requests/[id]/decommission/route");
  verify: typeof import("@/app/api/v1/requests/[id]/verify/route");
};

const host = "http://gatehouse.test";
const params = (id?: string) => ({ params: Promise.resolve<Record<string, string>>(id ? { id } : {}) });
const post = (path: string, bearer: string, body?: unknown) =>
  new Request(`${host}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });

let tokenCount = 0;
async function tokenFor(name: DemoUserName, scopes: TokenScope[]): Promise<string> {
  tokenCount += 1;
  const { secret } = await createApiToken(database.db, world.userNamed(name), {
    name: `actions ${tokenCount}`,
    scopes,
    expiresInDays: 1,
  });
  return secret;
}

const written = async () => [
  await database.db.exposureRequest.count(),
  await database.db.auditEvent.count(),
  await database.db.chainCheck.count(),
];

const database = sharedApiDatabase(async ({ db }) => {
  world = await seedRequestWorld(db);
  routes = {
    me: await import("@/app/api/v1/me/route"),
    preview: await import("@/app/api/v1/requests/preview/route"),
    decommission: await import("@/app/api/v1/requests/[id]/decommission/route"),
    verify: await import("@/app/api/v1/requests/[id]/verify/route"),
  };
});

describe("GET /api/v1/me", () => {
  it("answers who the token acts as, with the teams a request may name, and needs requests:read", async () => {
    const token = await tokenFor("Paul Payments", ["requests:read"]);
    const me = (bearer: string) =>
      routes.me.GET(new Request(`${host}/api/v1/me`, { headers: { authorization: `Bearer ${bearer}` } }), params());
    const answer = await me(token);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({
      email: "paul.payments@gatehouse.demo",
      isPlatformAdmin: false,
      memberships: [{ teamId: world.teams.payments, teamSlug: "payments", role: "requester" }],
      token: { name: `actions ${tokenCount}` },
    });
    expect((await me(await tokenFor("Paul Payments", ["runs:read"]))).status).toBe(403);
  });
});

describe("POST /api/v1/requests/preview", () => {
  it("refuses a token without requests:read with 403 before reading the body", async () => {
    const token = await tokenFor("Paul Payments", ["requests:write"]);
    const response = await routes.preview.POST(post("/api/v1/requests/preview", token, { apiName: "<x>" }), params());
    expect(response.status).toBe(403);
    expect((await response.json()).message).toContain("requests:read");
  });

  it.each([
    ["a script tag as API name", { apiName: "<script>alert(1)</script>" }, "apiName"],
    ["a CIDR instead of an IP", { remoteIps: ["10.0.0.0/8"] }, "remoteIps.0"],
    ["a port out of range", { port: 70000 }, "port"],
    ["no team", { teamId: undefined }, "teamId"],
  ])("answers 422 naming the field for %s, writing nothing", async (_label, change, field) => {
    const token = await tokenFor("Paul Payments", ["requests:read"]);
    const before = await written();
    const response = await routes.preview.POST(
      post("/api/v1/requests/preview", token, { ...remoteNetworkRequestBody(world), ...change }),
      params(),
    );
    expect(response.status).toBe(422);
    expect((await response.json()).fieldErrors[field]?.[0]).toEqual(expect.any(String));
    expect(await written()).toEqual(before);
  });

  it("answers 422 to a body that is not JSON", async () => {
    const token = await tokenFor("Paul Payments", ["requests:read"]);
    const response = await routes.preview.POST(post("/api/v1/requests/preview", token, "scenario: yaml"), params());
    expect(response.status).toBe(422);
    expect((await response.json()).fieldErrors.body).toBeDefined();
  });
});

describe("POST /api/v1/requests/{id}/decommission", () => {
  it("moves an active exposure to decommission_pending as the token's user, audited as the token", async () => {
    const requestId = await world.putRequest({ status: "active" });
    const token = await tokenFor("Paul Payments", ["requests:write"]);
    const response = await routes.decommission.POST(
      post(`/api/v1/requests/${requestId}/decommission`, token),
      params(requestId),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: requestId, status: "decommission_pending" });
    expect((await database.db.exposureRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe(
      "decommission_pending",
    );
    const event = await database.db.auditEvent.findFirstOrThrow({
      where: { action: "request.decommission_requested", targetId: requestId },
    });
    expect(event).toMatchObject({
      actorId: world.userNamed("Paul Payments").id,
      actorLabel: `token:actions ${tokenCount}`,
    });
  });

  it("refuses a missing scope (403), another team (404: it may not see the request), a request that is not active (409) and an unknown token (401)", async () => {
    const requestId = await world.putRequest({ status: "active" });
    const pendingId = await world.putRequest();
    const [readOnly, otherTeam, writer] = [
      await tokenFor("Paul Payments", ["requests:read"]),
      await tokenFor("Lena Logistics", ["requests:write"]),
      await tokenFor("Paul Payments", ["requests:write"]),
    ];
    const before = await written();
    const statusOf = async (token: string, id = requestId) =>
      (await routes.decommission.POST(post(`/api/v1/requests/${id}/decommission`, token), params(id))).status;
    expect(await statusOf(readOnly)).toBe(403);
    expect(await statusOf(otherTeam)).toBe(404);
    expect(await statusOf(writer, pendingId)).toBe(409);
    expect(await statusOf("gh_pat_not-a-token")).toBe(401);
    expect((await database.db.exposureRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("active");
    expect(await written()).toEqual(before);
  });
});

describe("POST /api/v1/requests/{id}/verify", () => {
  it("is for platform admins with requests:write, and answers 409 for a request without an active chain", async () => {
    const requestId = await world.putRequest();
    const [requester, adminReadOnly, admin] = [
      await tokenFor("Paul Payments", ["requests:write"]),
      await tokenFor("Ada Admin", ["requests:read"]),
      await tokenFor("Ada Admin", ["requests:write"]),
    ];
    const before = await written();
    const answer = async (token: string) =>
      routes.verify.POST(post(`/api/v1/requests/${requestId}/verify`, token), params(requestId));
    expect((await answer(requester)).status).toBe(403);
    expect((await answer(adminReadOnly)).status).toBe(403);
    const notActive = await answer(admin);
    expect(notActive.status).toBe(409);
    expect((await notActive.json()).message).toContain("no active chain");
    expect(await written()).toEqual(before);
  });
});
