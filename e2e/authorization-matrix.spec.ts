import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser } from "@playwright/test";
import { signInAs } from "./fixtures/sign-in";
import { ensureRequestWorld } from "./fixtures/request-world";
import { createApiToken } from "@/lib/api-tokens/api-tokens";
import { tokenScopes, type TokenScope } from "@/lib/api-tokens/token-scopes";
import { createPrismaClient } from "@/lib/db/prisma-client";
import { filesUnder, routeFiles } from "@/lib/http/route-files";
import { v1Operations, type V1Operation } from "@/lib/http/v1-operations";
import { findActiveUser } from "@/lib/users/sign-in";

// Every page and API route × every role, answered by the real server: allow or deny. One row per route; a route file
// on disk without a row (or a row without its route) fails the first test, so a new route cannot ship unreviewed.
//
// deny  = 401, 403, 404 (the caller may not see the resource) or a redirect to sign-in;
// allow = anything else below 500: 2xx, a redirect elsewhere, or 409/422 (the server let the caller in and judged the
//         input). Mutations send inputs whose allowed outcome changes nothing important (an invalid body to admin
//         routes, whose role check comes first) or that are fine to happen (a withdrawal, a submitted request).
// 5xx fails the test.

const roles = ["anonymous", "viewer", "otherTeam", "admin", "tokenWithoutScope", "token", "requester"] as const;
type Role = (typeof roles)[number];
type Outcome = "allow" | "deny";
type Expectation = Record<Role, Outcome>;

const A = "allow" as const;
const D = "deny" as const;
const expectation = (cells: Partial<Expectation>): Expectation => ({
  anonymous: D,
  viewer: D,
  otherTeam: D,
  admin: D,
  tokenWithoutScope: D,
  token: D,
  requester: D,
  ...cells,
});
const publicRoute = expectation({
  anonymous: A,
  viewer: A,
  otherTeam: A,
  admin: A,
  tokenWithoutScope: A,
  token: A,
  requester: A,
});
const anyUser = expectation({ viewer: A, otherTeam: A, admin: A, requester: A });
const adminOnly = expectation({ admin: A });
const teamAndAdmin = expectation({ admin: A, requester: A });
const teamOnly = expectation({ requester: A });
// /api/v1: the same role rules, plus the token's scope.
const v1 = (sessionCells: Expectation, tokenAllowed: boolean): Expectation => ({
  ...sessionCells,
  token: tokenAllowed ? A : D,
  tokenWithoutScope: D,
});

const personas: Record<"viewer" | "otherTeam" | "admin" | "requester", string> = {
  viewer: "Vic Viewer",
  otherTeam: "Lena Logistics",
  admin: "Ada Admin",
  requester: "Paul Payments",
};

type World = {
  withdrawRequestId: string;
  v1WithdrawRequestId: string;
  requestId: string;
  runId: string;
  accountId: string;
  // A registered account nobody uses, whose ExternalId the rotation row may change.
  rotatableAccountId: string;
  awsAccountId: string;
  paymentsTeamId: string;
  revocableTokenId: string;
  tokens: Map<string, string>;
};

type Row = {
  route: string;
  path: (world: World) => string;
  body?: (world: World) => unknown;
  expect: Expectation;
};

const get = (route: string, path: string | ((world: World) => string), expected: Expectation): Row => ({
  route: `GET ${route}`,
  path: typeof path === "string" ? () => path : path,
  expect: expected,
});
const page = (route: string, path: string | ((world: World) => string), expected: Expectation): Row => ({
  ...get(route, path, expected),
  route: `PAGE ${route}`,
});
const send = (
  method: "POST" | "PUT" | "PATCH" | "DELETE",
  route: string,
  path: string | ((world: World) => string),
  body: ((world: World) => unknown) | undefined,
  expected: Expectation,
): Row => ({
  route: `${method} ${route}`,
  path: typeof path === "string" ? () => path : path,
  body,
  expect: expected,
});

const invalid = () => ({});
const validRequest = (world: World) => ({
  scenario: "remote_network",
  teamId: world.paymentsTeamId,
  region: "eu-west-1",
  remoteNetworkName: "datacenter-frankfurt",
  remoteIps: ["10.50.12.34"],
  port: 8080,
  apiName: `matrix-${Date.now().toString(36)}`,
  stageName: "prod",
  justification: "Authorization matrix: a request the requester may submit.",
});

const rows: Row[] = [
  // Pages
  page("/", "/", anyUser),
  page("/signin", "/signin", publicRoute),
  page("/requests", "/requests", anyUser),
  page("/requests/new", "/requests/new", anyUser),
  page("/requests/{id}", (w) => `/requests/${w.requestId}`, teamAndAdmin),
  page("/topology", "/topology", anyUser),
  page("/topology/{requestId}", (w) => `/topology/${w.requestId}`, anyUser),
  page("/settings/tokens", "/settings/tokens", anyUser),
  page("/approvals", "/approvals", adminOnly),
  page("/accounts", "/accounts", adminOnly),
  page("/accounts/new", "/accounts/new", adminOnly),
  page("/accounts/hub", "/accounts/hub", adminOnly),
  page("/accounts/{id}", (w) => `/accounts/${w.accountId}`, adminOnly),
  page("/accounts/{id}/edit", (w) => `/accounts/${w.accountId}/edit`, adminOnly),
  page("/audit", "/audit", adminOnly),

  // Portal API (browser session only; a bearer token is not a session)
  get("/api/health", "/api/health", publicRoute),
  get("/api/auth/{...nextauth}", "/api/auth/providers", publicRoute),
  // next-auth's own endpoint, CSRF-protected by next-auth: without its token a sign-in attempt goes back to sign-in.
  send(
    "POST",
    "/api/auth/{...nextauth}",
    "/api/auth/callback/demo",
    () => ({ email: "ada.admin@gatehouse.demo" }),
    expectation({}),
  ),
  get("/api/me", "/api/me", anyUser),
  get("/api/topology", "/api/topology", anyUser),
  get("/api/requests", "/api/requests", anyUser),
  send("POST", "/api/requests", "/api/requests", validRequest, teamOnly),
  send("POST", "/api/requests/preview", "/api/requests/preview", validRequest, teamOnly),
  get("/api/requests/options", "/api/requests/options", anyUser),
  get(
    "/api/requests/load-balancers",
    (w) => `/api/requests/load-balancers?accountId=${w.awsAccountId}&region=eu-west-1`,
    teamOnly,
  ),
  get("/api/requests/{id}", (w) => `/api/requests/${w.requestId}`, teamAndAdmin),
  send(
    "POST",
    "/api/requests/{id}/test-invoke",
    (w) => `/api/requests/${w.requestId}/test-invoke`,
    undefined,
    teamAndAdmin,
  ),
  send(
    "POST",
    "/api/requests/{id}/decommission",
    (w) => `/api/requests/${w.requestId}/decommission`,
    undefined,
    teamOnly,
  ),
  send(
    "POST",
    "/api/requests/{id}/withdraw",
    (w) => `/api/requests/${w.withdrawRequestId}/withdraw`,
    undefined,
    teamOnly,
  ),
  send("POST", "/api/requests/{id}/retry", (w) => `/api/requests/${w.requestId}/retry`, undefined, adminOnly),
  send("POST", "/api/requests/{id}/verify", (w) => `/api/requests/${w.requestId}/verify`, undefined, adminOnly),
  send("POST", "/api/requests/{id}/rollback", (w) => `/api/requests/${w.requestId}/rollback`, undefined, adminOnly),
  get("/api/approvals", "/api/approvals", adminOnly),
  send("POST", "/api/approvals/{id}", (w) => `/api/approvals/${w.requestId}`, invalid, adminOnly),
  get("/api/accounts", "/api/accounts", adminOnly),
  send("POST", "/api/accounts", "/api/accounts", invalid, adminOnly),
  send("PATCH", "/api/accounts/{id}", (w) => `/api/accounts/${w.accountId}`, invalid, adminOnly),
  send(
    "POST",
    "/api/accounts/{id}/external-id",
    (w) => `/api/accounts/${w.rotatableAccountId}/external-id`,
    undefined,
    adminOnly,
  ),
  get("/api/accounts/{id}/template", (w) => `/api/accounts/${w.accountId}/template`, adminOnly),
  send("POST", "/api/accounts/{id}/verify", (w) => `/api/accounts/${w.accountId}/verify`, undefined, adminOnly),
  send("POST", "/api/hubs", "/api/hubs", invalid, adminOnly),
  send("POST", "/api/hubs/endpoints", "/api/hubs/endpoints", invalid, adminOnly),
  get("/api/hubs/network", "/api/hubs/network", adminOnly),
  get("/api/hubs/vpcs", "/api/hubs/vpcs", adminOnly),
  get("/api/audit/export", "/api/audit/export", adminOnly),

  // REST API for automation
  get("/api/v1/openapi.json", "/api/v1/openapi.json", publicRoute),
  get("/api/v1/requests", "/api/v1/requests", v1(anyUser, true)),
  send("POST", "/api/v1/requests", "/api/v1/requests", validRequest, v1(teamOnly, true)),
  get("/api/v1/requests/{id}", (w) => `/api/v1/requests/${w.requestId}`, v1(teamAndAdmin, true)),
  send(
    "POST",
    "/api/v1/requests/{id}/withdraw",
    (w) => `/api/v1/requests/${w.v1WithdrawRequestId}/withdraw`,
    undefined,
    v1(teamOnly, true),
  ),
  get(
    "/api/v1/requests/{id}/consumer-endpoints",
    (w) => `/api/v1/requests/${w.requestId}/consumer-endpoints`,
    v1(adminOnly, true),
  ),
  send(
    "PUT",
    "/api/v1/requests/{id}/consumer-endpoints",
    (w) => `/api/v1/requests/${w.requestId}/consumer-endpoints`,
    invalid,
    v1(adminOnly, true),
  ),
  get("/api/v1/approvals", "/api/v1/approvals", v1(adminOnly, true)),
  send("POST", "/api/v1/approvals/{id}", (w) => `/api/v1/approvals/${w.requestId}`, invalid, v1(adminOnly, true)),
  get("/api/v1/runs/{id}", (w) => `/api/v1/runs/${w.runId}`, v1(teamAndAdmin, true)),
  get("/api/v1/accounts", "/api/v1/accounts", v1(adminOnly, true)),
  get("/api/v1/accounts/{id}", (w) => `/api/v1/accounts/${w.accountId}`, v1(adminOnly, true)),
  get("/api/v1/tokens", "/api/v1/tokens", v1(anyUser, false)),
  send("POST", "/api/v1/tokens", "/api/v1/tokens", invalid, v1(anyUser, false)),
  send("DELETE", "/api/v1/tokens/{id}", (w) => `/api/v1/tokens/${w.revocableTokenId}`, undefined, v1(teamOnly, false)),
];

// ---- routes on disk ----

const appRoot = join(process.cwd(), "app");

function routesOnDisk(): string[] {
  const pages = routeFiles(appRoot, "page.tsx").map(({ path }) => `PAGE ${path}`);
  const handlers = routeFiles(appRoot, "route.ts").flatMap(({ file, path }) => {
    const source = readFileSync(file, "utf8");
    const declared = [...source.matchAll(/export\s+(?:async\s+)?(?:const|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)];
    const reexported = [...source.matchAll(/\bas\s+(GET|POST|PUT|PATCH|DELETE)\b/g)];
    return [...new Set([...declared, ...reexported].map((match) => match[1]))].map((method) => `${method} ${path}`);
  });
  return [...pages, ...handlers].sort();
}

// ---- the world the rows point at, written into the e2e launcher's embedded database ----

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${port}`;
const databaseUrl = `postgresql://postgres@127.0.0.1:${port + 1}/postgres?sslmode=disable`;

function tokenKey(owner: "requester" | "admin", scopes: readonly string[]): string {
  return `${owner}:${[...scopes].sort().join(",")}`;
}

function tokenScopesFor(row: Row): {
  owner: "requester" | "admin";
  withScope: readonly TokenScope[];
  withoutScope: readonly TokenScope[];
} {
  const operation = (v1Operations as Record<string, V1Operation>)[row.route];
  const owner = operation?.admin ? "admin" : "requester";
  if (!operation || operation.scope === "session") return { owner, withScope: tokenScopes, withoutScope: tokenScopes };
  const scope = operation.scope;
  return { owner, withScope: [scope], withoutScope: tokenScopes.filter((other) => other !== scope) };
}

async function seedWorld(): Promise<World> {
  await ensureRequestWorld();
  const db = createPrismaClient(databaseUrl);
  try {
    const payments = await db.team.findUniqueOrThrow({ where: { slug: "payments" } });
    const hub = await db.platformHub.findFirstOrThrow({ where: { region: "eu-west-1" } });
    const paulRow = await db.user.findUniqueOrThrow({ where: { email: "paul.payments@gatehouse.demo" } });
    const adaRow = await db.user.findUniqueOrThrow({ where: { email: "ada.admin@gatehouse.demo" } });
    const account = await db.awsAccount.findUniqueOrThrow({ where: { accountId: "222222222222" } });
    const newRequest = (apiName: string, status: "pending_approval" | "provisioning") =>
      db.exposureRequest.create({
        data: {
          teamId: payments.id,
          requesterId: paulRow.id,
          hubId: hub.id,
          scenario: "remote_network",
          remoteNetworkName: "datacenter-frankfurt",
          remoteIps: ["10.50.12.34"],
          port: 8080,
          apiName,
          stageName: "prod",
          justification: "Authorization matrix fixture.",
          status,
        },
      });
    const suffix = Date.now().toString(36);
    const request = await newRequest(`matrix-view-${suffix}`, "pending_approval");
    const running = await newRequest(`matrix-run-${suffix}`, "provisioning");
    const run = await db.provisioningRun.create({
      data: {
        requestId: running.id,
        status: "running",
        steps: { create: [{ stepId: "targetGroup.create", status: "running" }] },
      },
    });
    const paul = (await findActiveUser(db, paulRow.id))!;
    const ada = (await findActiveUser(db, adaRow.id))!;
    const tokens = new Map<string, string>();
    const owners = { requester: paul, admin: ada };
    for (const row of rows.filter((candidate) => candidate.route.includes(" /api/v1/"))) {
      const { owner, withScope, withoutScope } = tokenScopesFor(row);
      for (const scopes of [withScope, withoutScope]) {
        const key = tokenKey(owner, scopes);
        if (tokens.has(key)) continue;
        const { secret } = await createApiToken(db, owners[owner], {
          name: `matrix ${tokens.size} ${suffix}`,
          scopes: [...scopes],
          expiresInDays: 1,
        });
        tokens.set(key, secret);
      }
    }
    const rotatableAwsId = String(Date.now()).slice(-12).padStart(12, "9");
    const rotatable = await db.awsAccount.create({
      data: {
        accountId: rotatableAwsId,
        alias: `matrix-rotatable-${suffix}`,
        kind: "application",
        roleArn: `arn:aws:iam::${rotatableAwsId}:role/GatehouseProvisioner`,
        externalId: `gh-matrix-${suffix}`,
        regions: ["eu-west-1"],
        owningTeamId: payments.id,
      },
    });
    const revocable = await createApiToken(db, paul, {
      name: `matrix revocable ${suffix}`,
      scopes: ["runs:read"],
      expiresInDays: 1,
    });
    return {
      requestId: request.id,
      withdrawRequestId: (await newRequest(`matrix-withdraw-${suffix}`, "pending_approval")).id,
      v1WithdrawRequestId: (await newRequest(`matrix-v1-withdraw-${suffix}`, "pending_approval")).id,
      runId: run.id,
      accountId: account.id,
      rotatableAccountId: rotatable.id,
      awsAccountId: account.accountId,
      paymentsTeamId: payments.id,
      revocableTokenId: revocable.token.id,
      tokens,
    };
  } finally {
    await db.$disconnect();
  }
}

async function sessionFor(browser: Browser, name: string): Promise<APIRequestContext> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInAs(page, name);
  return context.request;
}

function classify(status: number, location: string | undefined): Outcome {
  if (status === 401 || status === 403 || status === 404) return "deny";
  if (status >= 300 && status < 400 && (location ?? "").includes("/signin")) return "deny";
  return "allow";
}

test.describe.configure({ mode: "serial" });

test("every page and API route on disk has a row in the matrix, and every row a route", () => {
  expect(rows.map((row) => row.route).sort()).toEqual(routesOnDisk());
});

// Gatehouse has no server actions: every mutation is an API route above. One appearing must bring its rows first.
test("no server action exists outside the matrix", () => {
  const sources = ["app", "components", "lib"].flatMap((folder) => filesUnder(folder, (name) => /\.tsx?$/.test(name)));
  const withActions = sources.filter((file) => /^\s*["']use server["']/m.test(readFileSync(file, "utf8")));
  expect(withActions).toEqual([]);
});

test("every route × every role answers allow or deny as the matrix says, on the server", async ({
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  const world = await seedWorld();
  const sessions = new Map<Role, APIRequestContext>();
  for (const [role, name] of Object.entries(personas) as [keyof typeof personas, string][])
    sessions.set(role, await sessionFor(browser, name));
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const mismatches: string[] = [];
  const observed: string[] = [`route | ${roles.join(" | ")}`];

  for (const row of rows) {
    const [method = "GET"] = row.route.split(" ");
    const { owner, withScope, withoutScope } = tokenScopesFor(row);
    const statuses: string[] = [];
    for (const role of roles) {
      const context = sessions.get(role) ?? anonymous;
      const headers: Record<string, string> = {};
      if (sessions.has(role)) headers.origin = baseURL; // the portal's own fetch; cross-site is tested elsewhere
      if (role === "token" || role === "tokenWithoutScope") {
        // Outside /api/v1 a token is just a stranger; the requester's full-scope token stands in there.
        const scopes = !row.route.includes(" /api/v1/") ? tokenScopes : role === "token" ? withScope : withoutScope;
        headers.authorization = `Bearer ${world.tokens.get(tokenKey(owner, scopes)) ?? (await fullToken(world, owner))}`;
      }
      const response = await context.fetch(row.path(world), {
        method: method === "PAGE" ? "GET" : method,
        headers,
        maxRedirects: 0,
        ...(row.body ? { data: row.body(world) } : {}),
      });
      const status = response.status();
      if (status >= 500) mismatches.push(`${row.route} as ${role}: ${status} ${(await response.text()).slice(0, 200)}`);
      const outcome = classify(status, response.headers().location);
      if (outcome !== row.expect[role])
        mismatches.push(`${row.route} as ${role}: expected ${row.expect[role]}, got ${outcome} (${status})`);
      statuses.push(`${outcome} ${status}`);
    }
    observed.push(`${row.route} | ${statuses.join(" | ")}`);
  }
  // The observed table, kept as an artifact for review.
  const table = testInfo.outputPath("authorization-matrix.txt");
  writeFileSync(table, `${observed.join("\n")}\n`);
  await testInfo.attach("authorization-matrix", { path: table, contentType: "text/plain" });
  expect(mismatches).toEqual([]);
});

async function fullToken(world: World, owner: "requester" | "admin"): Promise<string> {
  const key = tokenKey(owner, tokenScopes);
  const existing = world.tokens.get(key);
  if (existing) return existing;
  const db = createPrismaClient(databaseUrl);
  try {
    const email = owner === "admin" ? "ada.admin@gatehouse.demo" : "paul.payments@gatehouse.demo";
    const user = (await findActiveUser(db, (await db.user.findUniqueOrThrow({ where: { email } })).id))!;
    const { secret } = await createApiToken(db, user, {
      name: `matrix full ${owner} ${Date.now().toString(36)}`,
      scopes: [...tokenScopes],
      expiresInDays: 1,
    });
    world.tokens.set(key, secret);
    return secret;
  } finally {
    await db.$disconnect();
  }
}

test("a user creates a token on the settings page, the API accepts it within its scope, and revoking ends it", async ({
  page,
  browser,
}) => {
  await signInAs(page, "Paul Payments");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
  const name = `release bot ${Date.now().toString(36)}`;

  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("Give the token a name.")).toBeVisible();
  await expect(page.getByText("Choose at least one scope.")).toBeVisible();

  await page.getByLabel("Name").fill(name);
  await page.getByRole("checkbox", { name: /requests:read/ }).check();
  await page.getByRole("button", { name: "Create token" }).click();
  const secretField = page.getByLabel("New token secret");
  await expect(secretField).toHaveValue(/^gh_pat_/);
  const secret = await secretField.inputValue();
  await expect(page.getByRole("status")).toContainText("shown only once");
  await page.screenshot({ path: "artifacts/screenshots/api-tokens.png", fullPage: true });

  const automation = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${secret}` },
  });
  expect((await automation.get("/api/v1/requests")).status()).toBe(200);
  const refused = await automation.post("/api/v1/requests/anything/withdraw");
  expect(refused.status()).toBe(403);
  expect((await refused.json()).message).toContain("requests:write");

  // The session cookie may not be used cross-site on /api/v1; a bearer token needs no Origin.
  const crossSite = await page.request.post("/api/v1/tokens", {
    headers: { origin: "http://evil.example" },
    data: { name: "x", scopes: ["runs:read"], expiresInDays: 1 },
  });
  expect(crossSite.status()).toBe(403);

  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByLabel("New token secret")).toHaveCount(0);
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("active");
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(row).toContainText("revoked");
  expect((await automation.get("/api/v1/requests")).status()).toBe(401);
  await automation.dispose();

  const admin = await browser.newPage();
  await signInAs(admin, "Ada Admin");
  await admin.goto("/audit?actor=paul&action=token.revoked");
  await expect(admin.getByRole("table")).toContainText("token.revoked");
  await admin.getByRole("table").getByRole("link").first().click();
  await expect(admin).toHaveURL(/\/audit\?target=/);
  await expect(admin.getByLabel("Action")).toHaveValue("");
  await expect(admin.getByRole("table")).toContainText("token.created");
  await admin.screenshot({ path: "artifacts/screenshots/audit-log-by-target.png", fullPage: true });
  const csv = await admin.request.get("/api/audit/export?action=token.revoked");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain(name);
});
