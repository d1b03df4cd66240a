import { beforeEach, describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/api-tokens/api-tokens";
import type { TokenScope } from "@/lib/api-tokens/token-scopes";
import type { CurrentUser } from "@/lib/auth/permissions";
import { ledgerRequestAnswers, seedRequestWorld, type DemoUserName } from "@/lib/requests/testing/seed-request-world";
import { sharedApiDatabase } from "@/lib/testing/shared-test-database";

// /api/v1 through its real route handlers and a real database: a token acts as its user within its scopes, the
// domain's own rules still apply, the audit log names the token, and bad bodies are refused field by field with
// nothing written. The browser session is stood in for by mocking getCurrentUser.

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => session.user }));

let world: Awaited<ReturnType<typeof seedRequestWorld>>;
let routes: {
  requests: typeof import("@/app/api/v1/requests/route");
  request: typeof import("@/app/api/v1/requests/[id]/route");
  withdraw: typeof import("@/app/api/v1/requests/[id]/withdraw/route");
  approvals: typeof import("@/app/api/v1/approvals/route");
  decide: typeof import("@/app/api/v1/approvals/[id]/route");
  run: typeof import("@/app/api/v1/runs/[id]/route");
  accounts: typeof import("@/app/api/v1/accounts/route");
  account: typeof import("@/app/api/v1/accounts/[id]/route");
};

const host = "http://gatehouse.test";
const params = (id?: string) => ({ params: Promise.resolve<Record<string, string>>(id ? { id } : {}) });
const get = (path: string, bearer?: string) =>
  new Request(`${host}${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
const post = (path: string, body: unknown, bearer?: string) =>
  new Request(`${host}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      host: "gatehouse.test",
      origin: host,
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

async function tokenFor(
  name: DemoUserName,
  scopes: TokenScope[],
  tokenName = `${name} ${scopes.join(" ")}`.replaceAll(":", "-"),
): Promise<string> {
  const { secret } = await createApiToken(database.db, world.userNamed(name), {
    name: tokenName,
    scopes,
    expiresInDays: 1,
  });
  return secret;
}

const database = sharedApiDatabase(async ({ db }) => {
  world = await seedRequestWorld(db);
  routes = {
    requests: await import("@/app/api/v1/requests/route"),
    request: await import("@/app/api/v1/requests/[id]/route"),
    withdraw: await import("@/app/api/v1/requests/[id]/withdraw/route"),
    approvals: await import("@/app/api/v1/approvals/route"),
    decide: await import("@/app/api/v1/approvals/[id]/route"),
    run: await import("@/app/api/v1/runs/[id]/route"),
    accounts: await import("@/app/api/v1/accounts/route"),
    account: await import("@/app/api/v1/accounts/[id]/route"),
  };
});

beforeEach(() => {
  session.user = null;
});

describe("/api/v1 with tokens", () => {
  it("lists and reads requests as the token's user: the team's own, nobody else's", async () => {
    const requestId = await world.putRequest();
    const paul = await tokenFor("Paul Payments", ["requests:read"]);
    const lena = await tokenFor("Lena Logistics", ["requests:read"]);
    const paulsList = await (await routes.requests.GET(get("/api/v1/requests", paul), params())).json();
    expect(paulsList.requests.map((request: { id: string }) => request.id)).toContain(requestId);
    const lenasList = await (await routes.requests.GET(get("/api/v1/requests", lena), params())).json();
    expect(lenasList.requests).toEqual([]);
    expect((await routes.request.GET(get(`/api/v1/requests/${requestId}`, paul), params(requestId))).status).toBe(200);
    expect((await routes.request.GET(get(`/api/v1/requests/${requestId}`, lena), params(requestId))).status).toBe(404);
  });

  it("withdraws with requests:write, refuses without it, and audits the token as the actor", async () => {
    const requestId = await world.putRequest();
    const readOnly = await tokenFor("Paul Payments", ["requests:read"], "read only");
    expect(
      (await routes.withdraw.POST(post(`/api/v1/requests/${requestId}/withdraw`, {}, readOnly), params(requestId)))
        .status,
    ).toBe(403);
    const lena = await tokenFor("Lena Logistics", ["requests:write"]);
    expect(
      (await routes.withdraw.POST(post(`/api/v1/requests/${requestId}/withdraw`, {}, lena), params(requestId))).status,
    ).toBe(404);
    const writer = await tokenFor("Paul Payments", ["requests:write"], "release-bot");
    const response = await routes.withdraw.POST(
      post(`/api/v1/requests/${requestId}/withdraw`, {}, writer),
      params(requestId),
    );
    expect(response.status).toBe(200);
    const event = await database.db.auditEvent.findFirstOrThrow({
      where: { action: "request.withdrawn", targetId: requestId },
    });
    expect(event).toMatchObject({ actorLabel: "token:release-bot", actorId: world.userNamed("Paul Payments").id });
  });

  it("keeps approvals to platform admins whatever the token's scopes, and four-eyes still holds", async () => {
    const requestId = await world.putRequest();
    const paul = await tokenFor("Paul Payments", ["approvals:read", "approvals:write"]);
    expect((await routes.approvals.GET(get("/api/v1/approvals", paul), params())).status).toBe(403);
    expect(
      (
        await routes.decide.POST(
          post(`/api/v1/approvals/${requestId}`, { kind: "exposure", decision: "approved" }, paul),
          params(requestId),
        )
      ).status,
    ).toBe(403);
    const adaRead = await tokenFor("Ada Admin", ["approvals:read"]);
    const queue = await (await routes.approvals.GET(get("/api/v1/approvals", adaRead), params())).json();
    expect(queue.items.map((item: { requestId: string }) => item.requestId)).toContain(requestId);
    expect(
      (
        await routes.decide.POST(
          post(`/api/v1/approvals/${requestId}`, { kind: "exposure", decision: "rejected", comment: "no" }, adaRead),
          params(requestId),
        )
      ).status,
    ).toBe(403);
    const adaWrite = await tokenFor("Ada Admin", ["approvals:write"], "approver");
    const rejected = await routes.decide.POST(
      post(
        `/api/v1/approvals/${requestId}`,
        { kind: "exposure", decision: "rejected", comment: "Use the shared NLB." },
        adaWrite,
      ),
      params(requestId),
    );
    expect(rejected.status).toBe(200);
    expect((await database.db.exposureRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("rejected");
    expect(
      (await database.db.auditEvent.findFirstOrThrow({ where: { action: "request.rejected", targetId: requestId } }))
        .actorLabel,
    ).toBe("token:approver");
  });

  it("shows a run with its steps to whoever may see its request", async () => {
    const requestId = await world.putRequest({ status: "provisioning" });
    const run = await database.db.provisioningRun.create({
      data: {
        requestId,
        status: "running",
        steps: {
          create: [
            { stepId: "targetGroup.create", status: "succeeded", startedAt: new Date() },
            { stepId: "loadBalancer.create", status: "running", startedAt: new Date() },
          ],
        },
      },
    });
    const paul = await tokenFor("Paul Payments", ["runs:read"]);
    const answer = await routes.run.GET(get(`/api/v1/runs/${run.id}`, paul), params(run.id));
    expect(answer.status).toBe(200);
    const body = await answer.json();
    expect(body).toMatchObject({ id: run.id, requestId, status: "running" });
    expect(body.steps.map((step: { stepId: string }) => step.stepId)).toEqual([
      "targetGroup.create",
      "loadBalancer.create",
    ]);
    const lena = await tokenFor("Lena Logistics", ["runs:read"]);
    expect((await routes.run.GET(get(`/api/v1/runs/${run.id}`, lena), params(run.id))).status).toBe(404);
    expect(
      (
        await routes.run.GET(
          get(`/api/v1/runs/${run.id}`, await tokenFor("Paul Payments", ["requests:read"], "no runs")),
          params(run.id),
        )
      ).status,
    ).toBe(403);
  });

  it("lists accounts to admins with accounts:read, by Gatehouse id or AWS account id", async () => {
    const ada = await tokenFor("Ada Admin", ["accounts:read"]);
    const list = await (await routes.accounts.GET(get("/api/v1/accounts", ada), params())).json();
    expect(list.accounts.map((account: { accountId: string }) => account.accountId).sort()).toEqual([
      "111111111111",
      "222222222222",
    ]);
    const one = await (
      await routes.account.GET(get("/api/v1/accounts/222222222222", ada), params("222222222222"))
    ).json();
    expect(one).toMatchObject({ alias: "payments-prod", kind: "application" });
    expect((await routes.account.GET(get(`/api/v1/accounts/${one.id}`, ada), params(one.id))).status).toBe(200);
    expect(
      (await routes.accounts.GET(get("/api/v1/accounts", await tokenFor("Paul Payments", ["accounts:read"])), params()))
        .status,
    ).toBe(403);
  });

  it("lets a signed-in browser use the same routes with every scope", async () => {
    session.user = world.userNamed("Paul Payments");
    expect((await routes.requests.GET(get("/api/v1/requests"), params())).status).toBe(200);
    session.user = world.userNamed("Vic Viewer");
    expect((await routes.accounts.GET(get("/api/v1/accounts"), params())).status).toBe(403);
  });
});

describe("bad input to /api/v1 bodies", () => {
  const valid = {
    ...ledgerRequestAnswers(),
    justification: "Finance needs the ledger from the hub for month-end.",
  };
  const hostile: [string, Record<string, unknown>, string][] = [
    ["a script tag as API name", { apiName: "<script>alert(1)</script>" }, "apiName"],
    ["JSON as API name", { apiName: '{"a":1}' }, "apiName"],
    ["an oversized API name", { apiName: `a${"b".repeat(300)}` }, "apiName"],
    ["an ARN as API name", { apiName: "arn:aws:iam::123456789012:role/x" }, "apiName"],
    ["a CIDR instead of an IP", { remoteIps: ["10.0.0.0/8"] }, "remoteIps.0"],
    ["a public IP", { remoteIps: ["8.8.8.8"] }, "remoteIps.0"],
    ["a port out of range", { port: 70000 }, "port"],
    ["a script tag as network name", { remoteNetworkName: "<img src=x onerror=alert(1)>" }, "remoteNetworkName"],
    ["a stage with a path", { stageName: "../prod" }, "stageName"],
  ];

  it.each(hostile)(
    "refuses %s on POST /api/v1/requests with a message on the field, writing nothing",
    async (_label, change, field) => {
      const token = await tokenFor(
        "Paul Payments",
        ["requests:write"],
        `bad ${field} ${Math.random().toString(36).slice(2, 8)}`,
      );
      const teamId = world.teams.payments;
      const [requests, events] = [await database.db.exposureRequest.count(), await database.db.auditEvent.count()];
      const response = await routes.requests.POST(
        post("/api/v1/requests", { ...valid, teamId, region: "eu-west-1", ...change }, token),
        params(),
      );
      expect(response.status).toBe(422);
      const answer = await response.json();
      expect(answer.fieldErrors[field]?.[0]).toEqual(expect.any(String));
      expect(await database.db.exposureRequest.count()).toBe(requests);
      expect(await database.db.auditEvent.count()).toBe(events);
    },
  );

  it("refuses a bad decision, a reject without comment and markup in the comment, field by field", async () => {
    const requestId = await world.putRequest();
    const ada = await tokenFor("Ada Admin", ["approvals:write"], "bad decisions");
    const cases: [unknown, string][] = [
      [{ kind: "exposure", decision: "maybe" }, "decision"],
      [{ kind: "exposure", decision: "rejected" }, "comment"],
      [{ kind: "exposure", decision: "rejected", comment: "<script>x</script>" }, "comment"],
      [{ kind: "exposure", decision: "rejected", comment: "x".repeat(5000) }, "comment"],
      [{ kind: "everything", decision: "approved" }, "kind"],
    ];
    for (const [body, field] of cases) {
      const response = await routes.decide.POST(post(`/api/v1/approvals/${requestId}`, body, ada), params(requestId));
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect((await response.json()).fieldErrors[field]).toBeDefined();
    }
    expect(await database.db.approval.count({ where: { requestId } })).toBe(0);
    expect((await database.db.exposureRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe(
      "pending_approval",
    );
  });

  it("refuses bodies that are not JSON or too large", async () => {
    const token = await tokenFor("Paul Payments", ["requests:write"], "raw bodies");
    expect((await routes.requests.POST(post("/api/v1/requests", "<xml/>", token), params())).status).toBe(422);
    const huge = await routes.requests.POST(
      post("/api/v1/requests", { ...valid, justification: "x".repeat(100_000) }, token),
      params(),
    );
    expect(huge.status).toBe(413);
    expect((await huge.json()).fieldErrors.body).toBeDefined();
  });
});
