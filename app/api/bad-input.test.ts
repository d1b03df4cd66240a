import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/permissions";
import { remoteNetworkRequestBody, seedRequestWorld } from "@/lib/requests/testing/seed-request-world";
import { sharedApiDatabase } from "@/lib/testing/shared-test-database";

// The portal's own route handlers (what the browser's forms send) with a real PostgreSQL: invalid, oversized and
// hostile values (markup, JSON in names, CIDR and ARN look-alikes) are refused with a 422 that names the field, and
// nothing is written: no row, no audit event. Every value here fails the schema, so no AWS call is ever made.

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/current-user", async () => {
  const { AppError } = await import("@/lib/errors");
  const { isPlatformAdmin } = await import("@/lib/auth/permissions");
  const requireUser = async () => {
    if (!session.user) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
    return session.user;
  };
  return {
    getCurrentUser: async () => session.user,
    requireUser,
    requireAdmin: async () => {
      const user = await requireUser();
      if (!isPlatformAdmin(user)) throw new AppError("FORBIDDEN", "Only platform admins may do this.");
      return user;
    },
  };
});

let world: Awaited<ReturnType<typeof seedRequestWorld>>;
let routes: {
  requests: typeof import("@/app/api/requests/route");
  preview: typeof import("@/app/api/requests/preview/route");
  decide: typeof import("@/app/api/approvals/[id]/route");
  hubs: typeof import("@/app/api/hubs/route");
  endpoints: typeof import("@/app/api/hubs/endpoints/route");
  account: typeof import("@/app/api/accounts/[id]/route");
};

const host = "http://gatehouse.test";
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const send = (method: "POST" | "PATCH", path: string, body: unknown) =>
  new Request(`${host}${path}`, {
    method,
    headers: { "content-type": "application/json", host: "gatehouse.test", origin: host },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

/** Row counts of every table a refused body could have written to. */
async function writes() {
  const { db } = database;
  const counts = await Promise.all([
    db.exposureRequest.count(),
    db.approval.count(),
    db.platformHub.count(),
    db.awsAccount.count(),
    db.auditEvent.count(),
    db.webhookDelivery.count(),
  ]);
  return counts.join(",");
}

async function expectRefusedOn(response: Response, field: string) {
  expect(response.status).toBe(422);
  const answer = (await response.json()) as { fieldErrors: Record<string, string[]> };
  expect(answer.fieldErrors[field]?.[0], JSON.stringify(answer.fieldErrors)).toEqual(expect.any(String));
}

const database = sharedApiDatabase(async ({ db }) => {
  world = await seedRequestWorld(db);
  routes = {
    requests: await import("@/app/api/requests/route"),
    preview: await import("@/app/api/requests/preview/route"),
    decide: await import("@/app/api/approvals/[id]/route"),
    hubs: await import("@/app/api/hubs/route"),
    endpoints: await import("@/app/api/hubs/endpoints/route"),
    account: await import("@/app/api/accounts/[id]/route"),
  };
});

beforeEach(() => {
  session.user = null;
});

const script = "<script>alert(1)</script>";
const json = '{"admin":true}';
const arn = "arn:aws:iam::123456789012:role/Admin";
const cidr = "10.0.0.0/8";

describe("the request wizard's body (POST /api/requests and /api/requests/preview)", () => {
  const remote = (): Record<string, unknown> => remoteNetworkRequestBody(world);
  const nlb = () => ({
    ...remote(),
    scenario: "cross_account_nlb",
    accountId: "222222222222",
    loadBalancerArn:
      "arn:aws:elasticloadbalancing:eu-west-1:222222222222:loadbalancer/net/k8s-payments-checkout/0123456789abcdef",
  });
  const hostile: [string, () => Record<string, unknown>, string][] = [
    ["markup as scenario", () => ({ ...remote(), scenario: script }), "scenario"],
    ["JSON as team", () => ({ ...remote(), teamId: json }), "teamId"],
    ["a CIDR as region", () => ({ ...remote(), region: cidr }), "region"],
    ["an ARN as hub", () => ({ ...remote(), hubId: arn }), "hubId"],
    ["an oversized hub id", () => ({ ...remote(), hubId: "a".repeat(500) }), "hubId"],
    ["an ARN as account", () => ({ ...nlb(), accountId: arn }), "accountId"],
    ["a role ARN as load balancer", () => ({ ...nlb(), loadBalancerArn: arn }), "loadBalancerArn"],
    ["markup in the load balancer", () => ({ ...nlb(), loadBalancerArn: `arn:${script}` }), "loadBalancerArn"],
    ["a port as words", () => ({ ...remote(), port: "eighty" }), "port"],
    ["port 0", () => ({ ...remote(), port: 0 }), "port"],
    ["JSON as network name", () => ({ ...remote(), remoteNetworkName: json }), "remoteNetworkName"],
    [
      "an oversized network name",
      () => ({ ...remote(), remoteNetworkName: `n${"x".repeat(200)}` }),
      "remoteNetworkName",
    ],
    ["a CIDR as IP", () => ({ ...remote(), remoteIps: [cidr] }), "remoteIps.0"],
    ["an ARN as IP", () => ({ ...remote(), remoteIps: [arn] }), "remoteIps.0"],
    [
      "17 IPs",
      () => ({ ...remote(), remoteIps: Array.from({ length: 17 }, (_, i) => `10.0.0.${i + 1}`) }),
      "remoteIps",
    ],
    ["markup as API name", () => ({ ...remote(), apiName: script }), "apiName"],
    ["JSON as API name", () => ({ ...remote(), apiName: json }), "apiName"],
    ["an ARN as API name", () => ({ ...remote(), apiName: arn }), "apiName"],
    ["an oversized API name", () => ({ ...remote(), apiName: `a${"b".repeat(300)}` }), "apiName"],
    ["a path as stage", () => ({ ...remote(), stageName: "../prod" }), "stageName"],
    ["markup in the base path", () => ({ ...remote(), basePath: script }), "basePath"],
    ["a CIDR as base path", () => ({ ...remote(), basePath: cidr }), "basePath"],
    ["an ARN as backend host", () => ({ ...remote(), backendHost: arn }), "backendHost"],
    [
      "a javascript: CORS origin",
      () => ({ ...remote(), corsAllowOrigins: ["javascript:alert(1)"] }),
      "corsAllowOrigins.0",
    ],
    ["an http CORS origin", () => ({ ...remote(), corsAllowOrigins: ["http://evil.example"] }), "corsAllowOrigins.0"],
    ["markup in the justification", () => ({ ...remote(), justification: `Because ${script}` }), "justification"],
    ["an oversized justification", () => ({ ...remote(), justification: "x".repeat(2001) }), "justification"],
  ];

  it.each(hostile)("refuses %s on the field and writes nothing", async (_label, body, field) => {
    session.user = world.userNamed("Paul Payments");
    const before = await writes();
    await expectRefusedOn(await routes.requests.POST(send("POST", "/api/requests", body())), field);
    await expectRefusedOn(await routes.preview.POST(send("POST", "/api/requests/preview", body())), field);
    expect(await writes()).toBe(before);
  });

  it("refuses a body that is not JSON", async () => {
    session.user = world.userNamed("Paul Payments");
    const response = await routes.requests.POST(send("POST", "/api/requests", "scenario=remote_network"));
    expect(response.status).toBe(422);
  });
});

describe("an approver's decision (POST /api/approvals/:id)", () => {
  const hostile: [string, unknown, string][] = [
    ["a rejection without comment", { kind: "exposure", decision: "rejected" }, "comment"],
    ["markup in the comment", { kind: "exposure", decision: "rejected", comment: script }, "comment"],
    ["an oversized comment", { kind: "exposure", decision: "approved", comment: "x".repeat(2001) }, "comment"],
    ["JSON as decision", { kind: "exposure", decision: json }, "decision"],
    ["an ARN as kind", { kind: arn, decision: "approved" }, "kind"],
  ];

  it.each(hostile)("refuses %s on the field, decides nothing and writes nothing", async (_label, body, field) => {
    const requestId = await world.putRequest();
    session.user = world.userNamed("Ada Admin");
    const before = await writes();
    await expectRefusedOn(
      await routes.decide.POST(send("POST", `/api/approvals/${requestId}`, body), params(requestId)),
      field,
    );
    expect(await writes()).toBe(before);
    expect((await database.db.exposureRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe(
      "pending_approval",
    );
  });
});

describe("hub configuration (POST /api/hubs and /api/hubs/endpoints)", () => {
  const valid = () => ({
    accountId: "someaccount",
    region: "eu-west-1",
    vpcId: "vpc-0123456789abcdef0",
    subnetIds: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"],
    securityGroupIds: ["sg-0123456789abcdef0"],
    executeApiEndpointId: "vpce-0123456789abcdef0",
    linkMode: "v1",
  });
  const hostile: [string, Record<string, unknown>, string][] = [
    ["markup as account", { accountId: script.repeat(10) }, "accountId"],
    ["SQL in the region", { region: "eu-west-1; DROP TABLE" }, "region"],
    ["markup in the VPC", { vpcId: "vpc-<img src=x>" }, "vpcId"],
    ["a CIDR as subnet", { subnetIds: [cidr, "subnet-0123456789abcdef1"] }, "subnetIds.0"],
    ["one subnet", { subnetIds: ["subnet-0123456789abcdef0"] }, "subnetIds"],
    ["an ARN as security group", { securityGroupIds: [arn] }, "securityGroupIds.0"],
    ["seven subnets", { subnetIds: Array.from({ length: 7 }, (_, i) => `subnet-0123456789abcdef${i}`) }, "subnetIds"],
    [
      "an endpoint ARN",
      { executeApiEndpointId: "arn:aws:ec2:eu-west-1:111111111111:vpc-endpoint/vpce-1" },
      "executeApiEndpointId",
    ],
    ["JSON as link mode", { linkMode: json }, "linkMode"],
  ];

  it.each(hostile)("refuses %s on the field and writes nothing", async (_label, change, field) => {
    session.user = world.userNamed("Ada Admin");
    const before = await writes();
    await expectRefusedOn(await routes.hubs.POST(send("POST", "/api/hubs", { ...valid(), ...change })), field);
    if (field !== "executeApiEndpointId" && field !== "linkMode")
      await expectRefusedOn(
        await routes.endpoints.POST(send("POST", "/api/hubs/endpoints", { ...valid(), ...change })),
        field,
      );
    expect(await writes()).toBe(before);
  });
});

describe("editing an account (PATCH /api/accounts/:id)", () => {
  const hostile: [string, Record<string, unknown>, string][] = [
    ["markup as alias", { alias: script }, "alias"],
    ["JSON as alias", { alias: json }, "alias"],
    ["an oversized alias", { alias: "a".repeat(64) }, "alias"],
    ["an oversized team id", { owningTeamId: "x".repeat(500) }, "owningTeamId"],
    ["a CIDR as region", { regions: [cidr] }, "regions.0"],
    ["an ARN as region", { regions: [arn] }, "regions.0"],
    ["no region", { regions: [] }, "regions"],
    ["an ARN as role name", { roleName: arn }, "roleName"],
    ["markup as role name", { roleName: script }, "roleName"],
    ["a new account ID", { accountId: "333333333333" }, "accountId"],
    ["a new kind", { kind: "platform" }, "kind"],
    ["a chosen ExternalId", { externalId: "gh-mine" }, "body"],
  ];

  it.each(hostile)("refuses %s on the field and changes nothing", async (_label, change, field) => {
    session.user = world.userNamed("Ada Admin");
    const account = await database.db.awsAccount.findUniqueOrThrow({ where: { accountId: "222222222222" } });
    const valid = {
      alias: "payments-prod",
      owningTeamId: world.teams.payments,
      regions: ["eu-west-1"],
      roleName: "GatehouseProvisioner",
    };
    const before = await writes();
    await expectRefusedOn(
      await routes.account.PATCH(
        send("PATCH", `/api/accounts/${account.id}`, { ...valid, ...change }),
        params(account.id),
      ),
      field,
    );
    expect(await writes()).toBe(before);
    expect(await database.db.awsAccount.findUniqueOrThrow({ where: { id: account.id } })).toEqual(account);
  });

  it("is for platform admins only", async () => {
    session.user = world.userNamed("Paul Payments");
    const account = await database.db.awsAccount.findUniqueOrThrow({ where: { accountId: "222222222222" } });
    const response = await routes.account.PATCH(send("PATCH", `/api/accounts/${account.id}`, {}), params(account.id));
    expect(response.status).toBe(403);
  });
});

describe("any portal route's body and origin", () => {
  it("refuses a body over 64 KiB with 413, declared or streamed, and writes nothing", async () => {
    session.user = world.userNamed("Paul Payments");
    const before = await writes();
    const oversized = { ...remoteNetworkRequestBody(world), justification: "x".repeat(70_000) };
    const text = JSON.stringify(oversized);
    const declared = await routes.requests.POST(
      new Request(`${host}/api/requests`, {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(text.length), origin: host },
        body: text,
      }),
    );
    expect(declared.status).toBe(413);
    expect((await declared.json()).message).toMatch(/too large: at most 64 KiB/);
    const chunks = new TextEncoder().encode(text);
    const streamed = new Request(`${host}/api/requests`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: host },
      body: new ReadableStream({
        start(controller) {
          for (let at = 0; at < chunks.length; at += 8192) controller.enqueue(chunks.slice(at, at + 8192));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(streamed.headers.get("content-length")).toBeNull();
    expect((await routes.requests.POST(streamed)).status).toBe(413);
    expect(await writes()).toBe(before);
  });

  it.each([
    ["Origin: null", "null"],
    ["a malformed Origin", "http://[::1"],
    ["another site", "https://evil.example"],
  ])("refuses a mutation from %s with 403, not 500", async (_label, origin) => {
    session.user = world.userNamed("Paul Payments");
    const response = await routes.requests.POST(
      new Request(`${host}/api/requests`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin,
          host: "evil.example",
          "x-forwarded-host": "evil.example",
        },
        body: JSON.stringify(remoteNetworkRequestBody(world)),
      }),
    );
    expect(response.status).toBe(403);
  });
});
