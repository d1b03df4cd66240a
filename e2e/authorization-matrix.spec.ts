import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser } from "@playwright/test";
import { signInAs } from "./fixtures/sign-in";
import { datacenterBackend, ensureRequestWorld, seedRolledBackRequest } from "./fixtures/request-world";
import { createApiToken } from "@/lib/api-tokens/api-tokens";
import { tokenScopes, type TokenScope } from "@/lib/api-tokens/token-scopes";
import type { CurrentUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { createPrismaClient } from "@/lib/db/prisma-client";
import { filesUnder, routeFiles } from "@/lib/http/route-files";
import { v1Operations, type V1Operation } from "@/lib/http/v1-operations";
import { findActiveUser } from "@/lib/users/sign-in";

// Every page and API route × every caller, answered by the real server with exactly the status written in its cell.
// One row per route (a few routes have a second row for a second case); a route file on disk without a row (or a row
// without its route) fails the first test, so a new route cannot ship unreviewed.
//
// Mutations send inputs whose allowed outcome changes nothing important (an invalid body to admin routes, whose role
// check comes first, so the allowed answer is a 422) or that are fine to happen (a withdrawal, a submitted request).
// Every mutation is also sent cross-site (Origin: https://evil.example) and with `Origin: null` by the caller its row
// allows: both are a 403, whatever the route. A 5xx anywhere fails the test.

// ---- the callers: one list, one column each ----

type Caller =
  | { kind: "anonymous" }
  | { kind: "session"; name: string; email: string }
  | { kind: "token"; withScope: boolean }
  // A token with every scope that the server must refuse: expired, revoked, or its owner idle.
  | { kind: "deadToken"; ended: "expired" | "revoked" | "idle" }
  // A session cookie obtained while the user was enabled; the user is disabled in the database before the cells run.
  | { kind: "disabledSession"; name: string; email: string };

// The owner of the idle token: a requester of Payments (so only idleness can refuse the token) who has not signed in
// for longer than GATEHOUSE_TOKEN_IDLE_DAYS (30 in the e2e run) and never signs in during it.
const idleOwner = { name: "Ivo Idle", email: "ivo.idle@gatehouse.demo" } as const;
const idleForDays = 90;

const callers = {
  anonymous: { kind: "anonymous" },
  // Signed in, but no membership in any team: sees nothing that belongs to a team.
  noRole: { kind: "session", name: "Nico Norole", email: "nico.norole@gatehouse.demo" },
  // A viewer of the platform team.
  platformViewer: { kind: "session", name: "Vic Viewer", email: "vic.viewer@gatehouse.demo" },
  // A viewer of Payments, the application team that owns the fixtures: reads its team's requests, changes nothing.
  teamViewer: { kind: "session", name: "Tara Teamviewer", email: "tara.teamviewer@gatehouse.demo" },
  // A requester of another application team (Logistics).
  otherTeam: { kind: "session", name: "Lena Logistics", email: "lena.logistics@gatehouse.demo" },
  // A requester of Payments.
  requester: { kind: "session", name: "Paul Payments", email: "paul.payments@gatehouse.demo" },
  admin: { kind: "session", name: "Ada Admin", email: "ada.admin@gatehouse.demo" },
  // A personal access token of the row's owner (Paul, or Ada for admin operations) with the operation's scope, and
  // one with every other scope. Outside /api/v1 a bearer token is a stranger.
  token: { kind: "token", withScope: true },
  tokenWithoutScope: { kind: "token", withScope: false },
  // Paul's tokens with every scope, one past its expiry and one revoked; and the idle owner's.
  expiredToken: { kind: "deadToken", ended: "expired" },
  revokedToken: { kind: "deadToken", ended: "revoked" },
  idleToken: { kind: "deadToken", ended: "idle" },
  // A requester of Payments of their own, so disabling them changes no other column.
  disabledUser: { kind: "disabledSession", name: "Dana Disabled", email: "dana.disabled@gatehouse.demo" },
} as const satisfies Record<string, Caller>;

type Role = keyof typeof callers;
const roles = Object.keys(callers) as Role[];
type SessionRole = { [R in Role]: (typeof callers)[R] extends { kind: "session" } ? R : never }[Role];
const sessionRoles = roles.filter((role): role is SessionRole => callers[role].kind === "session");
type DeadTokenRole = { [R in Role]: (typeof callers)[R] extends { kind: "deadToken" } ? R : never }[Role];
const deadTokenRoles = roles.filter((role): role is DeadTokenRole => callers[role].kind === "deadToken");

// ---- the expected statuses ----

// A number, or a redirect written as "<status> <path it points to>".
type Status = number | `${number} /${string}`;
const SIGNIN = "307 /signin";
const HOME = "307 /";
type Expectation = Record<Role, Status>;
type Sessions = Record<SessionRole, Status>;

/** Every signed-in caller gets `status`, except the ones named. */
const sessions = (status: Status, cells: Partial<Sessions> = {}): Sessions => ({
  ...(Object.fromEntries(sessionRoles.map((role) => [role, status])) as Sessions),
  ...cells,
});
const everyone = (status: Status): Expectation =>
  Object.fromEntries(roles.map((role) => [role, status])) as Expectation;
/** Callers nobody is behind any more, on every route that is not public: dead tokens and the disabled user's session. */
const ended = (status: Status) => ({
  ...(Object.fromEntries(deadTokenRoles.map((role) => [role, status])) as Record<DeadTokenRole, Status>),
  disabledUser: status,
});
/** A page: without a live session (a bearer token is none) the browser is sent to sign-in. */
const pageCells = (cells: Sessions): Expectation => ({
  anonymous: SIGNIN,
  token: SIGNIN,
  tokenWithoutScope: SIGNIN,
  ...ended(SIGNIN),
  ...cells,
});
/** A portal API route: without a live session, 401. */
const apiCells = (cells: Sessions): Expectation => ({
  anonymous: 401,
  token: 401,
  tokenWithoutScope: 401,
  ...ended(401),
  ...cells,
});
/** /api/v1: the session cells, the token with the operation's scope, and without it (403); a dead token is a 401. */
const v1Cells = (cells: Sessions, token: Status, tokenWithoutScope: Status = 403): Expectation => ({
  anonymous: 401,
  token,
  tokenWithoutScope,
  ...ended(401),
  ...cells,
});

const anyUser = sessions(200);
/**
 * The team's asks on an active exposure, and what a platform admin gets: an admin may ask for a migration (the hub's
 * bulk action), not for a decommission.
 */
const teamAsks = [
  ["decommission", 403],
  ["migrate", 409],
] as const;
const adminOnly = (allowed: Status) => sessions(403, { admin: allowed });
/** Things of the Payments team: its members and platform admins see them; to anyone else they do not exist. */
const paymentsTeam = (cells: Partial<Sessions>) => sessions(404, cells);

type World = {
  withdrawRequestId: string;
  v1WithdrawRequestId: string;
  // Requests whose failed run was rolled back: one to run again, one to withdraw through each API.
  rolledBackRerunId: string;
  rolledBackWithdrawId: string;
  v1RolledBackWithdrawId: string;
  requestId: string;
  // An active exposure of Payments: in the API catalog.
  catalogRequestId: string;
  otherTeamRequestId: string;
  runId: string;
  accountId: string;
  // The platform account (its Gatehouse id) and the hub's VPC, for the hub's network reads.
  platformAccountId: string;
  hubVpcId: string;
  hubId: string;
  // A registered account nobody uses, whose ExternalId the rotation row may change.
  rotatableAccountId: string;
  awsAccountId: string;
  paymentsTeamId: string;
  revocableTokenId: string;
  // A person only the people rows touch, with two hand grants.
  personId: string;
  personMembershipId: string;
  tokens: Map<string, string>;
  deadTokens: Record<DeadTokenRole, string>;
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

type WorldId = { [K in keyof World]: World[K] extends string ? K : never }[keyof World];
/** POST <prefix>/requests/{id}/<action> on the world's request named `request`, without a body. */
const requestAction = (prefix: "/api" | "/api/v1", action: string, request: WorldId, expected: Expectation): Row =>
  send(
    "POST",
    `${prefix}/requests/{id}/${action}`,
    (w) => `${prefix}/requests/${w[request]}/${action}`,
    undefined,
    expected,
  );

const invalid = () => ({});
const validRequest = (world: World) => ({
  scenario: "remote_network",
  teamId: world.paymentsTeamId,
  region: "eu-west-1",
  remoteNetworkName: "datacenter-frankfurt",
  remoteIps: ["10.50.12.34"],
  port: 8080,
  apiName: `matrix-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`,
  stageName: "prod",
  justification: "Authorization matrix: a request the requester may submit.",
});

const rows: Row[] = [
  // Pages
  page("/", "/", pageCells(sessions(200))),
  page("/signin", "/signin", { ...everyone(200), ...sessions(HOME) }),
  page("/requests", "/requests", pageCells(anyUser)),
  page("/requests/new", "/requests/new", pageCells(anyUser)),
  page(
    "/requests/{id}",
    (w) => `/requests/${w.requestId}`,
    pageCells(paymentsTeam({ teamViewer: 200, requester: 200, admin: 200 })),
  ),
  page("/topology", "/topology", pageCells(anyUser)),
  // The catalog is for every signed-in user, whatever their team.
  page("/catalog", "/catalog", pageCells(anyUser)),
  page("/catalog/{id}", (w) => `/catalog/${w.catalogRequestId}`, pageCells(anyUser)),
  // A payments request's chain: its team and the platform team (admins, viewers); anyone else gets 404.
  page(
    "/topology/{requestId}",
    (w) => `/topology/${w.requestId}`,
    pageCells(paymentsTeam({ platformViewer: 200, teamViewer: 200, requester: 200, admin: 200 })),
  ),
  page("/settings/tokens", "/settings/tokens", pageCells(anyUser)),
  page("/settings/people", "/settings/people", pageCells(adminOnly(200))),
  page("/approvals", "/approvals", pageCells(adminOnly(200))),
  page("/accounts", "/accounts", pageCells(adminOnly(200))),
  page("/accounts/new", "/accounts/new", pageCells(adminOnly(200))),
  page("/accounts/hub", "/accounts/hub", pageCells(adminOnly(200))),
  page("/accounts/{id}", (w) => `/accounts/${w.accountId}`, pageCells(adminOnly(200))),
  page("/accounts/{id}/edit", (w) => `/accounts/${w.accountId}/edit`, pageCells(adminOnly(200))),
  page("/audit", "/audit", pageCells(adminOnly(200))),
  page("/access", "/access", pageCells(anyUser)),
  // Only an active exposure has an access page; the fixture request is pending.
  page("/catalog/{id}/access", (w) => `/catalog/${w.requestId}/access`, pageCells(sessions(404))),

  // Portal API (browser session only; a bearer token is not a session)
  get("/api/health", "/api/health", everyone(200)),
  get("/api/auth/{...nextauth}", "/api/auth/providers", everyone(200)),
  // next-auth's own endpoint, CSRF-protected by next-auth: without its token a sign-in attempt goes back to its
  // sign-in route (which sends the browser on to /signin).
  send(
    "POST",
    "/api/auth/{...nextauth}",
    "/api/auth/callback/demo",
    () => ({ email: "ada.admin@gatehouse.demo" }),
    everyone("302 /api/auth/signin"),
  ),
  get("/api/me", "/api/me", apiCells(anyUser)),
  // The language switcher: a cookie for anyone (the sign-in page has it), the profile's choice for a live session.
  send("PUT", "/api/locale", "/api/locale", () => ({ locale: "en" }), everyone(200)),
  get("/api/topology", "/api/topology", apiCells(anyUser)),
  // Another team's chain: Logistics' request, asked for by everyone (team-scoped topology).
  get(
    "/api/topology",
    (w) => `/api/topology?requestId=${w.otherTeamRequestId}`,
    apiCells(sessions(404, { platformViewer: 200, otherTeam: 200, admin: 200 })),
  ),
  get(
    "/api/topology",
    (w) => `/api/topology?requestId=${w.requestId}`,
    apiCells(paymentsTeam({ platformViewer: 200, teamViewer: 200, requester: 200, admin: 200 })),
  ),
  get("/api/requests", "/api/requests", apiCells(anyUser)),
  send("POST", "/api/requests", "/api/requests", validRequest, apiCells(sessions(403, { requester: 201 }))),
  send(
    "POST",
    "/api/requests/preview",
    "/api/requests/preview",
    validRequest,
    apiCells(sessions(403, { requester: 200 })),
  ),
  get("/api/requests/options", "/api/requests/options", apiCells(anyUser)),
  get(
    "/api/requests/load-balancers",
    (w) => `/api/requests/load-balancers?accountId=${w.awsAccountId}&region=eu-west-1`,
    apiCells(sessions(403, { requester: 200 })),
  ),
  get(
    "/api/requests/{id}",
    (w) => `/api/requests/${w.requestId}`,
    apiCells(paymentsTeam({ teamViewer: 200, requester: 200, admin: 200 })),
  ),
  // The request is still pending approval: nothing to invoke yet (409) for those who may see it.
  send(
    "POST",
    "/api/requests/{id}/test-invoke",
    (w) => `/api/requests/${w.requestId}/test-invoke`,
    undefined,
    apiCells(paymentsTeam({ teamViewer: 409, requester: 409, admin: 409 })),
  ),
  // Not active yet: the team (and an admin asking for a migration) is told so (409).
  ...teamAsks.map(([action, admin]) =>
    send(
      "POST",
      `/api/requests/{id}/${action}`,
      (w) => `/api/requests/${w.requestId}/${action}`,
      undefined,
      apiCells(paymentsTeam({ teamViewer: 403, requester: 409, admin })),
    ),
  ),
  // Moving to another hub is the platform admins' alone: a target that is not one is refused naming hubId (422), and a
  // request that is not active yet cannot move (409).
  ...(
    [
      [invalid, 422],
      [(w: World) => ({ hubId: w.hubId }), 409],
    ] as const
  ).map(([body, admin]) =>
    send(
      "POST",
      "/api/requests/{id}/move",
      (w) => `/api/requests/${w.requestId}/move`,
      body,
      apiCells(adminOnly(admin)),
    ),
  ),
  // A request waiting for approval, and one whose failed run was rolled back (nothing of it is in AWS), are withdrawn.
  ...(["withdrawRequestId", "rolledBackWithdrawId"] as const).map((request) =>
    requestAction("/api", "withdraw", request, apiCells(paymentsTeam({ teamViewer: 403, requester: 200, admin: 403 }))),
  ),
  // Run again: the team and platform admins, only after a rollback. A pending request has none (409); a rolled-back
  // one runs again for Paul (the worker builds it), and Ada then finds it provisioning (409).
  ...(
    [
      ["requestId", 409],
      ["rolledBackRerunId", 200],
    ] as const
  ).map(([request, requester]) =>
    requestAction("/api", "rerun", request, apiCells(paymentsTeam({ teamViewer: 403, requester, admin: 409 }))),
  ),
  // An admin's repairs on a request that has no run to repair yet: 409.
  ...(["retry", "verify", "rollback"] as const).map((action) =>
    send(
      "POST",
      `/api/requests/{id}/${action}`,
      (w) => `/api/requests/${w.requestId}/${action}`,
      undefined,
      apiCells(adminOnly(409)),
    ),
  ),
  get("/api/approvals", "/api/approvals", apiCells(adminOnly(200))),
  send("POST", "/api/approvals/{id}", (w) => `/api/approvals/${w.requestId}`, invalid, apiCells(adminOnly(422))),
  get("/api/accounts", "/api/accounts", apiCells(adminOnly(200))),
  send("POST", "/api/accounts", "/api/accounts", invalid, apiCells(adminOnly(422))),
  send("PATCH", "/api/accounts/{id}", (w) => `/api/accounts/${w.accountId}`, invalid, apiCells(adminOnly(422))),
  send(
    "POST",
    "/api/accounts/{id}/external-id",
    (w) => `/api/accounts/${w.rotatableAccountId}/external-id`,
    undefined,
    apiCells(adminOnly(200)),
  ),
  get("/api/accounts/{id}/template", (w) => `/api/accounts/${w.accountId}/template`, apiCells(adminOnly(200))),
  send(
    "POST",
    "/api/accounts/{id}/verify",
    (w) => `/api/accounts/${w.accountId}/verify`,
    undefined,
    apiCells(adminOnly(200)),
  ),
  send("POST", "/api/hubs", "/api/hubs", invalid, apiCells(adminOnly(422))),
  send("POST", "/api/hubs/endpoints", "/api/hubs/endpoints", invalid, apiCells(adminOnly(422))),
  send("POST", "/api/hubs/migrations", "/api/hubs/migrations", invalid, apiCells(adminOnly(422))),
  send("POST", "/api/hubs/{id}/drain", (w) => `/api/hubs/${w.hubId}/drain`, invalid, apiCells(adminOnly(422))),
  send("POST", "/api/hubs/{id}/pin", (w) => `/api/hubs/${w.hubId}/pin`, invalid, apiCells(adminOnly(422))),
  get(
    "/api/hubs/network",
    (w) => `/api/hubs/network?accountId=${w.platformAccountId}&region=eu-west-1&vpcId=${w.hubVpcId}`,
    apiCells(adminOnly(200)),
  ),
  get(
    "/api/hubs/vpcs",
    (w) => `/api/hubs/vpcs?accountId=${w.platformAccountId}&region=eu-west-1`,
    apiCells(adminOnly(200)),
  ),
  get("/api/audit/export", "/api/audit/export", apiCells(adminOnly(200))),
  send("PATCH", "/api/users/{id}", (w) => `/api/users/${w.personId}`, invalid, apiCells(adminOnly(422))),
  send("POST", "/api/users/{id}/roles", (w) => `/api/users/${w.personId}/roles`, invalid, apiCells(adminOnly(422))),
  // The admin revokes a hand grant of a person nobody else uses (who keeps another role).
  send(
    "DELETE",
    "/api/users/{id}/roles/{membershipId}",
    (w) => `/api/users/${w.personId}/roles/${w.personMembershipId}`,
    undefined,
    apiCells(adminOnly(200)),
  ),
  send("POST", "/api/teams", "/api/teams", invalid, apiCells(adminOnly(422))),
  // The catalog entry of a Payments API: its requesters edit it (the document is the body itself: the matrix sends a
  // JSON OpenAPI document); everyone else, admins included, sees it but may not.
  ...(
    [
      ["PATCH", "", { contact: "#payments-matrix" }, 200],
      ["PUT", "/openapi", { openapi: "3.0.3", info: { title: "Matrix", version: "1" }, paths: {} }, 200],
      ["DELETE", "/openapi", undefined, 204],
    ] as const
  ).map(([method, suffix, body, allowed]) =>
    send(
      method,
      `/api/catalog/{id}${suffix}`,
      (w) => `/api/catalog/${w.catalogRequestId}${suffix}`,
      body && (() => body),
      apiCells(sessions(403, { requester: allowed })),
    ),
  ),
  // Access requests. The fixture request is not active: nothing to ask access to (404) and no endpoints to list; its
  // grants (none) are an empty list to anyone signed in. A grant that does not exist is a 404 to all; a bad decision
  // body is refused before anything is read.
  get("/api/access", "/api/access", apiCells(anyUser)),
  get(
    "/api/access/endpoints",
    (w) => `/api/access/endpoints?requestId=${w.requestId}&accountId=${w.awsAccountId}`,
    apiCells(sessions(404)),
  ),
  get("/api/requests/{id}/access", (w) => `/api/requests/${w.requestId}/access`, apiCells(anyUser)),
  send(
    "POST",
    "/api/requests/{id}/access",
    (w) => `/api/requests/${w.requestId}/access`,
    (w) => ({ accountId: w.awsAccountId, vpcEndpointId: "vpce-0123456789abcdef0", justification: "matrix: ask" }),
    apiCells(sessions(404)),
  ),
  send(
    "POST",
    "/api/access/{grantId}/decision",
    "/api/access/no-such-grant/decision",
    invalid,
    apiCells(sessions(422)),
  ),
  // The owning team chooses the API's authorization: the fixture request is not active (409); anyone else 403.
  send(
    "PUT",
    "/api/requests/{id}/authorization",
    (w) => `/api/requests/${w.requestId}/authorization`,
    () => ({ authorization: "none" }),
    apiCells(sessions(403, { requester: 409, admin: 409 })),
  ),
  send("POST", "/api/access/{grantId}/revoke", "/api/access/no-such-grant/revoke", undefined, apiCells(sessions(404))),

  // REST API for automation
  get("/api/v1/openapi.json", "/api/v1/openapi.json", everyone(200)),
  get("/api/v1/requests", "/api/v1/requests", v1Cells(anyUser, 200)),
  send("POST", "/api/v1/requests", "/api/v1/requests", validRequest, v1Cells(sessions(403, { requester: 201 }), 201)),
  get(
    "/api/v1/requests/{id}",
    (w) => `/api/v1/requests/${w.requestId}`,
    v1Cells(paymentsTeam({ teamViewer: 200, requester: 200, admin: 200 }), 200),
  ),
  get("/api/v1/me", "/api/v1/me", v1Cells(anyUser, 200)),
  get("/api/v1/catalog/backstage", "/api/v1/catalog/backstage", v1Cells(anyUser, 200)),
  send(
    "POST",
    "/api/v1/requests/preview",
    "/api/v1/requests/preview",
    validRequest,
    v1Cells(sessions(403, { requester: 200 }), 200),
  ),
  // A pending request: the team is let in and told it is not active yet (409), so nothing is torn down or checked;
  // who may see the request but not act on it gets 403, anyone else 404 (as on the portal's own route).
  ...teamAsks.map(([action, admin]) =>
    send(
      "POST",
      `/api/v1/requests/{id}/${action}`,
      (w) => `/api/v1/requests/${w.requestId}/${action}`,
      undefined,
      v1Cells(paymentsTeam({ teamViewer: 403, requester: 409, admin }), 409),
    ),
  ),
  send(
    "POST",
    "/api/v1/requests/{id}/verify",
    (w) => `/api/v1/requests/${w.requestId}/verify`,
    undefined,
    v1Cells(adminOnly(409), 409),
  ),
  // Paul's session withdraws each (pending, rolled back) first; his token then finds it withdrawn already (409).
  ...(["v1WithdrawRequestId", "v1RolledBackWithdrawId"] as const).map((request) =>
    requestAction(
      "/api/v1",
      "withdraw",
      request,
      v1Cells(paymentsTeam({ teamViewer: 403, requester: 200, admin: 403 }), 409),
    ),
  ),
  // A pending request has no rolled-back run to run again: the team and admins get 409, a viewer 403.
  requestAction(
    "/api/v1",
    "rerun",
    "requestId",
    v1Cells(paymentsTeam({ teamViewer: 403, requester: 409, admin: 409 }), 409),
  ),
  get(
    "/api/v1/requests/{id}/consumer-endpoints",
    (w) => `/api/v1/requests/${w.requestId}/consumer-endpoints`,
    v1Cells(adminOnly(200), 200),
  ),
  send(
    "PUT",
    "/api/v1/requests/{id}/consumer-endpoints",
    (w) => `/api/v1/requests/${w.requestId}/consumer-endpoints`,
    invalid,
    v1Cells(adminOnly(422), 422),
  ),
  get("/api/v1/approvals", "/api/v1/approvals", v1Cells(adminOnly(200), 200)),
  send(
    "POST",
    "/api/v1/approvals/{id}",
    (w) => `/api/v1/approvals/${w.requestId}`,
    invalid,
    v1Cells(adminOnly(422), 422),
  ),
  get(
    "/api/v1/runs/{id}",
    (w) => `/api/v1/runs/${w.runId}`,
    v1Cells(paymentsTeam({ teamViewer: 200, requester: 200, admin: 200 }), 200),
  ),
  get("/api/v1/accounts", "/api/v1/accounts", v1Cells(adminOnly(200), 200)),
  get("/api/v1/accounts/{id}", (w) => `/api/v1/accounts/${w.accountId}`, v1Cells(adminOnly(200), 200)),
  // Tokens never manage tokens, whatever their scopes.
  get("/api/v1/tokens", "/api/v1/tokens", v1Cells(anyUser, 403)),
  send("POST", "/api/v1/tokens", "/api/v1/tokens", invalid, v1Cells(sessions(422), 403)),
  send(
    "DELETE",
    "/api/v1/tokens/{id}",
    (w) => `/api/v1/tokens/${w.revocableTokenId}`,
    undefined,
    v1Cells(sessions(404, { requester: 200 }), 403),
  ),
  // A decision on a pending consumer-endpoint change, with an invalid body: admins get past the role check to the
  // validation (422); everyone else is refused first.
  send(
    "POST",
    "/api/v1/requests/{id}/consumer-endpoints/changes/{changeId}",
    (w) => `/api/v1/requests/${w.requestId}/consumer-endpoints/changes/no-such-change`,
    invalid,
    v1Cells(adminOnly(422), 422),
  ),
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

/**
 * The personas the demo organisation lacks: a user with no role, a viewer of an application team, the idle token's
 * owner (last signed in long ago) and the user the matrix disables (enabled here, so they can sign in first).
 */
async function ensurePersonas(db: Db, paymentsTeamId: string): Promise<void> {
  const { noRole, teamViewer, disabledUser } = callers;
  const requesterOfPayments = { memberships: { create: { teamId: paymentsTeamId, role: "requester" as const } } };
  const lastSignInAt = new Date(Date.now() - idleForDays * 24 * 60 * 60 * 1000);
  await db.user.upsert({
    where: { email: idleOwner.email },
    update: { lastSignInAt },
    create: { email: idleOwner.email, name: idleOwner.name, lastSignInAt, ...requesterOfPayments },
  });
  await db.user.upsert({
    where: { email: disabledUser.email },
    update: { disabled: false },
    create: { email: disabledUser.email, name: disabledUser.name, ...requesterOfPayments },
  });
  await db.user.upsert({
    where: { email: noRole.email },
    update: {},
    create: { email: noRole.email, name: noRole.name },
  });
  await db.user.upsert({
    where: { email: teamViewer.email },
    update: {},
    create: {
      email: teamViewer.email,
      name: teamViewer.name,
      memberships: { create: { teamId: paymentsTeamId, role: "viewer" } },
    },
  });
}

async function seedWorld(): Promise<World> {
  await ensureRequestWorld();
  const db = createPrismaClient(databaseUrl);
  try {
    const payments = await db.team.findUniqueOrThrow({ where: { slug: "payments" } });
    const logistics = await db.team.findUniqueOrThrow({ where: { slug: "logistics" } });
    await ensurePersonas(db, payments.id);
    const hub = await db.platformHub.findFirstOrThrow({ where: { region: "eu-west-1" } });
    const paulRow = await db.user.findUniqueOrThrow({ where: { email: callers.requester.email } });
    const lenaRow = await db.user.findUniqueOrThrow({ where: { email: callers.otherTeam.email } });
    const adaRow = await db.user.findUniqueOrThrow({ where: { email: callers.admin.email } });
    const account = await db.awsAccount.findUniqueOrThrow({ where: { accountId: "222222222222" } });
    const platformAccount = await db.awsAccount.findUniqueOrThrow({ where: { accountId: "111111111111" } });
    const newRequest = (
      apiName: string,
      status: "pending_approval" | "provisioning" | "active",
      team = payments.id,
      requester = paulRow.id,
    ) =>
      db.exposureRequest.create({
        data: {
          teamId: team,
          requesterId: requester,
          hubId: hub.id,
          ...datacenterBackend,
          apiName,
          justification: "Authorization matrix fixture.",
          status,
        },
      });
    const suffix = Date.now().toString(36);
    const request = await newRequest(`matrix-view-${suffix}`, "pending_approval");
    const otherTeamRequest = await newRequest(
      `matrix-logistics-${suffix}`,
      "pending_approval",
      logistics.id,
      lenaRow.id,
    );
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
    for (const owner of ["requester", "admin"] as const) {
      const key = tokenKey(owner, tokenScopes);
      if (tokens.has(key)) continue;
      const { secret } = await createApiToken(db, owners[owner], {
        name: `matrix full ${owner} ${suffix}`,
        scopes: [...tokenScopes],
        expiresInDays: 1,
      });
      tokens.set(key, secret);
    }
    const deadTokens = await createDeadTokens(db, paul, suffix);
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
    const person = await db.user.create({
      data: {
        email: `matrix-person-${suffix}@gatehouse.demo`,
        name: `Matrix Person ${suffix}`,
        memberships: {
          create: [
            { teamId: payments.id, role: "viewer" },
            { teamId: logistics.id, role: "viewer" },
          ],
        },
      },
      include: { memberships: true },
    });
    const revocable = await createApiToken(db, paul, {
      name: `matrix revocable ${suffix}`,
      scopes: ["runs:read"],
      expiresInDays: 1,
    });
    return {
      requestId: request.id,
      catalogRequestId: (await newRequest(`matrix-catalog-${suffix}`, "active")).id,
      otherTeamRequestId: otherTeamRequest.id,
      withdrawRequestId: (await newRequest(`matrix-withdraw-${suffix}`, "pending_approval")).id,
      v1WithdrawRequestId: (await newRequest(`matrix-v1-withdraw-${suffix}`, "pending_approval")).id,
      rolledBackRerunId: await seedRolledBackRequest(db, `matrix-rerun-${suffix}`),
      rolledBackWithdrawId: await seedRolledBackRequest(db, `matrix-rolled-back-${suffix}`),
      v1RolledBackWithdrawId: await seedRolledBackRequest(db, `matrix-v1-rolled-back-${suffix}`),
      runId: run.id,
      accountId: account.id,
      platformAccountId: platformAccount.id,
      hubVpcId: hub.vpcId,
      hubId: hub.id,
      rotatableAccountId: rotatable.id,
      awsAccountId: account.accountId,
      paymentsTeamId: payments.id,
      revocableTokenId: revocable.token.id,
      personId: person.id,
      personMembershipId: person.memberships[0]!.id,
      tokens,
      deadTokens,
    };
  } finally {
    await db.$disconnect();
  }
}

/** Tokens with every scope the server must refuse: Paul's expired and revoked ones, and the idle owner's. */
async function createDeadTokens(db: Db, paul: CurrentUser, suffix: string): Promise<Record<DeadTokenRole, string>> {
  const everyScope = { scopes: [...tokenScopes], expiresInDays: 1 };
  const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
  const expired = await createApiToken(db, paul, { name: `matrix expired ${suffix}`, ...everyScope }, twoDaysAgo);
  const revoked = await createApiToken(db, paul, { name: `matrix revoked ${suffix}`, ...everyScope });
  await db.apiToken.update({ where: { id: revoked.token.id }, data: { revokedAt: new Date() } });
  const idleRow = await db.user.findUniqueOrThrow({ where: { email: idleOwner.email } });
  const idle = await createApiToken(db, (await findActiveUser(db, idleRow.id))!, {
    name: `matrix idle ${suffix}`,
    ...everyScope,
  });
  return { expiredToken: expired.secret, revokedToken: revoked.secret, idleToken: idle.secret };
}

async function sessionFor(browser: Browser, name: string): Promise<APIRequestContext> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInAs(page, name);
  return context.request;
}

/** What the server answered, in the matrix's notation: the status, and for a redirect where it points. */
function observed(status: number, location: string | undefined): Status {
  if (status < 300 || status >= 400 || !location) return status;
  return `${status} ${new URL(location, baseURL).pathname}` as Status;
}

/** The caller a mutation's origin checks are sent as: one the row lets in, so only the Origin can refuse it. */
function allowedCaller(row: Row): SessionRole {
  const denied = new Set<Status>([401, 403, 404, SIGNIN]);
  return sessionRoles.find((role) => !denied.has(row.expect[role])) ?? "admin";
}

const hostileOrigins = { crossSite: "https://evil.example", nullOrigin: "null" } as const;

test.describe.configure({ mode: "serial" });

test("every page and API route on disk has a row in the matrix, and every row a route", () => {
  // A route may have several rows (one per case worth asserting), but needs at least one.
  expect([...new Set(rows.map((row) => row.route))].sort()).toEqual(routesOnDisk());
});

// Gatehouse has no server actions: every mutation is an API route above. One appearing must bring its rows first.
test("no server action exists outside the matrix", () => {
  const sources = ["app", "components", "lib"].flatMap((folder) => filesUnder(folder, (name) => /\.tsx?$/.test(name)));
  const withActions = sources.filter((file) => /^\s*["']use server["']/m.test(readFileSync(file, "utf8")));
  expect(withActions).toEqual([]);
});

test("every route × every caller gets exactly the status the matrix says, and every mutation refuses a foreign or null Origin", async ({
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  const world = await seedWorld();
  const contexts = new Map<Role, APIRequestContext>();
  for (const role of sessionRoles) contexts.set(role, await sessionFor(browser, callers[role].name));
  const { disabledUser } = callers;
  contexts.set("disabledUser", await sessionFor(browser, disabledUser.name));
  const disabling = createPrismaClient(databaseUrl);
  await disabling.user.update({ where: { email: disabledUser.email }, data: { disabled: true } });
  await disabling.$disconnect();
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const mismatches: string[] = [];
  const table: string[] = [`route | ${roles.join(" | ")} | ${Object.keys(hostileOrigins).join(" | ")}`];

  const call = async (row: Row, role: Role, origin: string): Promise<Status> => {
    const [method = "GET"] = row.route.split(" ");
    const caller = callers[role];
    // Every caller sends the portal's own Origin, as the portal's pages do, unless the column is about the Origin.
    const headers: Record<string, string> = { origin };
    if (caller.kind === "deadToken") headers.authorization = `Bearer ${world.deadTokens[role as DeadTokenRole]}`;
    if (caller.kind === "token") {
      const { owner, withScope, withoutScope } = tokenScopesFor(row);
      // Outside /api/v1 a token is just a stranger; the owner's full-scope token stands in there.
      const scopes = !row.route.includes(" /api/v1/") ? tokenScopes : caller.withScope ? withScope : withoutScope;
      headers.authorization = `Bearer ${world.tokens.get(tokenKey(owner, scopes))}`;
    }
    const response = await (contexts.get(role) ?? anonymous).fetch(row.path(world), {
      method: method === "PAGE" ? "GET" : method,
      headers,
      maxRedirects: 0,
      ...(row.body ? { data: row.body(world) } : {}),
    });
    const status = response.status();
    if (status >= 500) mismatches.push(`${row.route} as ${role}: ${status} ${(await response.text()).slice(0, 200)}`);
    return observed(status, response.headers().location);
  };

  for (const row of rows) {
    const cells: string[] = [];
    for (const role of roles) {
      const status = await call(row, role, baseURL);
      if (status !== row.expect[role])
        mismatches.push(`${row.route} (${row.path(world)}) as ${role}: expected ${row.expect[role]}, got ${status}`);
      cells.push(String(status));
    }
    if (!row.route.startsWith("GET ") && !row.route.startsWith("PAGE ")) {
      const role = allowedCaller(row);
      for (const origin of Object.values(hostileOrigins)) {
        const status = await call(row, role, origin);
        if (status !== 403)
          mismatches.push(`${row.route} as ${role} from Origin ${origin}: expected 403, got ${status}`);
        cells.push(`${status} (${role})`);
      }
    }
    table.push(`${row.route} ${row.path(world)} | ${cells.join(" | ")}`);
  }
  // The observed table, kept as an artifact for review.
  const file = testInfo.outputPath("authorization-matrix.txt");
  writeFileSync(file, `${table.join("\n")}\n`);
  await testInfo.attach("authorization-matrix", { path: file, contentType: "text/plain" });
  expect(mismatches).toEqual([]);
});

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
  // Paul just signed in: his tokens stop for idleness GATEHOUSE_TOKEN_IDLE_DAYS (30) days from now.
  const idleStop = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  await expect(page.getByRole("note")).toContainText(`for 30 days: unless you sign in again, they stop on ${idleStop}`);
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
