import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/permissions";
import { demoUsers, seedDemoOrganisation } from "@/lib/demo/demo-organisation";
import { v1Route } from "@/lib/http/v1-route";
import { sharedApiDatabase } from "@/lib/testing/shared-test-database";
import { findActiveUser } from "@/lib/users/sign-in";

// The token endpoints and the /api/v1 authentication, through the real route handlers and a real database. The
// browser session is stood in for by mocking getCurrentUser; everything after it is production code.

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => session.user }));

let paul: CurrentUser;
let tokensRoute: typeof import("@/app/api/v1/tokens/route");
let tokenRoute: typeof import("@/app/api/v1/tokens/[id]/route");

const origin = "http://gatehouse.test";
const call = (
  method: string,
  path: string,
  options: { body?: unknown; bearer?: string; rawBody?: string; crossSite?: boolean } = {},
) =>
  new Request(`${origin}${path}`, {
    method,
    headers: {
      host: "gatehouse.test",
      ...(options.crossSite ? { origin: "http://evil.example" } : { origin }),
      ...(options.bearer ? { authorization: `Bearer ${options.bearer}` } : {}),
      ...(options.body !== undefined || options.rawBody ? { "content-type": "application/json" } : {}),
    },
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
const noParams = { params: Promise.resolve({}) };
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

async function createToken(body: unknown) {
  return tokensRoute.POST(call("POST", "/api/v1/tokens", { body }), noParams);
}

const database = sharedApiDatabase(async ({ db }) => {
  await seedDemoOrganisation(db);
  const row = await db.user.findUniqueOrThrow({ where: { email: demoUsers[2].email } });
  paul = (await findActiveUser(db, row.id))!;
  tokensRoute = await import("@/app/api/v1/tokens/route");
  tokenRoute = await import("@/app/api/v1/tokens/[id]/route");
});

beforeEach(() => {
  session.user = paul;
});

const scopedRoute = v1Route({ scope: "requests:read" }, async ({ caller }) => ({
  actor: caller.actor.label,
  user: caller.user.email,
}));
const scopedWrite = v1Route(
  { scope: "requests:write", body: z.object({ note: z.string().max(10) }) },
  async ({ body }) => body,
);

describe("personal access tokens", () => {
  it("show the secret once, keep only its hash, and record token.created", async () => {
    const response = await createToken({ name: "ci deploy", scopes: ["requests:read"], expiresInDays: 30 });
    expect(response.status).toBe(201);
    const { token, secret } = await response.json();
    expect(secret).toMatch(/^gh_pat_/);
    const stored = await database.db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(stored.prefix).toBe(secret.slice(0, 13));
    const listed = await (await tokensRoute.GET(call("GET", "/api/v1/tokens"), noParams)).json();
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(listed.tokens.map((t: { name: string }) => t.name)).toContain("ci deploy");
    const audit = await database.db.auditEvent.findFirstOrThrow({
      where: { action: "token.created", targetId: token.id },
    });
    expect(audit.actorLabel).toBe(paul.email);
  });

  it("act as their user within their scopes: 200 with the scope, 403 without, actor token:<name>", async () => {
    const { token, secret } = await (
      await createToken({ name: "reader", scopes: ["requests:read"], expiresInDays: 1 })
    ).json();
    session.user = null;
    const allowed = await scopedRoute(call("GET", "/api/v1/x", { bearer: secret }), noParams);
    expect(await allowed.json()).toEqual({ actor: "token:reader", user: paul.email });
    expect((await database.db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).toBeInstanceOf(Date);
    const denied = await scopedWrite(call("POST", "/api/v1/x", { bearer: secret, body: { note: "hi" } }), noParams);
    expect(denied.status).toBe(403);
    expect((await denied.json()).message).toContain("requests:write");
  });

  it("are CSRF-exempt, while a cookie session's cross-site mutation is refused", async () => {
    const { secret } = await (
      await createToken({ name: "writer", scopes: ["requests:write"], expiresInDays: 1 })
    ).json();
    const viaToken = await scopedWrite(
      call("POST", "/api/v1/x", { bearer: secret, body: { note: "ok" }, crossSite: true }),
      noParams,
    );
    expect(viaToken.status).toBe(200);
    const viaCookie = await scopedWrite(call("POST", "/api/v1/x", { body: { note: "ok" }, crossSite: true }), noParams);
    expect(viaCookie.status).toBe(403);
  });

  it("answer 401 once revoked or expired, or when malformed, and 401 to nobody at all", async () => {
    const { token, secret } = await (
      await createToken({ name: "short", scopes: ["requests:read"], expiresInDays: 1 })
    ).json();
    expect((await scopedRoute(call("GET", "/api/v1/x", { bearer: secret }), noParams)).status).toBe(200);
    const revoked = await tokenRoute.DELETE(call("DELETE", `/api/v1/tokens/${token.id}`), idParams(token.id));
    expect(revoked.status).toBe(200);
    expect(await database.db.auditEvent.count({ where: { action: "token.revoked", targetId: token.id } })).toBe(1);
    expect((await scopedRoute(call("GET", "/api/v1/x", { bearer: secret }), noParams)).status).toBe(401);

    const expiring = await (await createToken({ name: "expired", scopes: ["requests:read"], expiresInDays: 1 })).json();
    await database.db.apiToken.update({
      where: { id: expiring.token.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await scopedRoute(call("GET", "/api/v1/x", { bearer: expiring.secret }), noParams)).status).toBe(401);

    expect((await scopedRoute(call("GET", "/api/v1/x", { bearer: "gh_pat_" + "A".repeat(43) }), noParams)).status).toBe(
      401,
    );
    const basic = new Request(`${origin}/api/v1/x`, { headers: { authorization: "Basic dXNlcjpwYXNz" } });
    expect((await scopedRoute(basic, noParams)).status).toBe(401);
    session.user = null;
    expect((await scopedRoute(call("GET", "/api/v1/x"), noParams)).status).toBe(401);
  });

  it("stop working when their user is disabled", async () => {
    const lena = await database.db.user.findUniqueOrThrow({ where: { email: demoUsers[3].email } });
    session.user = await findActiveUser(database.db, lena.id);
    const { secret } = await (await createToken({ name: "lena", scopes: ["requests:read"], expiresInDays: 1 })).json();
    expect((await scopedRoute(call("GET", "/api/v1/x", { bearer: secret }), noParams)).status).toBe(200);
    await database.db.user.update({ where: { id: lena.id }, data: { disabled: true } });
    expect((await scopedRoute(call("GET", "/api/v1/x", { bearer: secret }), noParams)).status).toBe(401);
    await database.db.user.update({ where: { id: lena.id }, data: { disabled: false } });
  });

  it("cannot manage tokens, and nobody revokes someone else's token", async () => {
    const { token, secret } = await (
      await createToken({ name: "all", scopes: ["requests:read", "requests:write"], expiresInDays: 1 })
    ).json();
    const viaToken = await tokensRoute.POST(
      call("POST", "/api/v1/tokens", {
        bearer: secret,
        body: { name: "x", scopes: ["requests:read"], expiresInDays: 1 },
      }),
      noParams,
    );
    expect(viaToken.status).toBe(403);
    const lena = await findActiveUser(
      database.db,
      (await database.db.user.findUniqueOrThrow({ where: { email: demoUsers[3].email } })).id,
    );
    session.user = lena;
    expect((await tokenRoute.DELETE(call("DELETE", `/api/v1/tokens/${token.id}`), idParams(token.id))).status).toBe(
      404,
    );
    expect((await database.db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).revokedAt).toBeNull();
  });
});

describe("bad input to POST /api/v1/tokens", () => {
  const hostile: [string, unknown, string][] = [
    [
      "a script tag as name",
      { name: "<script>alert(1)</script>", scopes: ["requests:read"], expiresInDays: 1 },
      "name",
    ],
    ["JSON in the name", { name: '{"admin":true}', scopes: ["requests:read"], expiresInDays: 1 }, "name"],
    ["an oversized name", { name: "a".repeat(65), scopes: ["requests:read"], expiresInDays: 1 }, "name"],
    ["an empty name", { name: "   ", scopes: ["requests:read"], expiresInDays: 1 }, "name"],
    [
      "an ARN look-alike scope",
      { name: "ok", scopes: ["arn:aws:iam::123456789012:role/*"], expiresInDays: 1 },
      "scopes.0",
    ],
    ["a CIDR look-alike scope", { name: "ok", scopes: ["0.0.0.0/0"], expiresInDays: 1 }, "scopes.0"],
    ["a wildcard scope", { name: "ok", scopes: ["*"], expiresInDays: 1 }, "scopes.0"],
    ["no scopes", { name: "ok", scopes: [], expiresInDays: 1 }, "scopes"],
    ["a token that never expires", { name: "ok", scopes: ["requests:read"], expiresInDays: 100000 }, "expiresInDays"],
    ["a fractional lifetime", { name: "ok", scopes: ["requests:read"], expiresInDays: 1.5 }, "expiresInDays"],
    ["a lifetime as text", { name: "ok", scopes: ["requests:read"], expiresInDays: "30" }, "expiresInDays"],
    ["an extra field", { name: "ok", scopes: ["requests:read"], expiresInDays: 1, userId: "someone-else" }, "body"],
  ];

  it.each(hostile)("refuses %s with a message on the field and writes nothing", async (_label, body, field) => {
    const before = await database.db.apiToken.count();
    const auditBefore = await database.db.auditEvent.count();
    const response = await createToken(body);
    expect(response.status).toBe(422);
    const answer = await response.json();
    expect(answer.fieldErrors[field]?.[0]).toEqual(expect.any(String));
    expect(await database.db.apiToken.count()).toBe(before);
    expect(await database.db.auditEvent.count()).toBe(auditBefore);
  });

  it("refuses a body that is not JSON, or too large, without writing", async () => {
    const before = await database.db.apiToken.count();
    const notJson = await tokensRoute.POST(call("POST", "/api/v1/tokens", { rawBody: "name=x" }), noParams);
    expect(notJson.status).toBe(422);
    expect((await notJson.json()).fieldErrors.body).toBeDefined();
    const huge = await tokensRoute.POST(
      call("POST", "/api/v1/tokens", { rawBody: JSON.stringify({ name: "x".repeat(70_000) }) }),
      noParams,
    );
    expect(huge.status).toBe(413);
    expect((await huge.json()).fieldErrors.body[0]).toMatch(/KiB/);
    expect(await database.db.apiToken.count()).toBe(before);
  });

  it("refuses a duplicate active name with 409 on the field", async () => {
    await createToken({ name: "twice", scopes: ["runs:read"], expiresInDays: 1 });
    const again = await createToken({ name: "Twice", scopes: ["runs:read"], expiresInDays: 1 });
    expect(again.status).toBe(409);
    expect((await again.json()).fieldErrors.name).toBeDefined();
  });
});
