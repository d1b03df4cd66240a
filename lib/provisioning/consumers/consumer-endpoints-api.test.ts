import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/api-tokens/api-tokens";
import type { TokenScope } from "@/lib/api-tokens/token-scopes";
import { seedRequestWorld, type DemoUserName } from "@/lib/requests/testing/seed-request-world";
import { useSimulatorAsAws } from "@/lib/testing/simulator-as-aws";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { startSimulator, type RunningSimulator } from "@/simulator/server";

// PUT/GET /api/v1/requests/{id}/consumer-endpoints and the decision on a pending change, through the real route
// handlers, database and simulator: platform admins only, whatever the token's scopes; the body is validated field by
// field; an endpoint no registered account owns waits for a second admin; a change is audited as the token and
// queued for the worker.

const queued = vi.hoisted(() => [] as string[]);
vi.mock("@/lib/provisioning/consumers/consumer-endpoint-jobs", () => ({
  queueConsumerEndpointsReconcile: async (requestId: string) => void queued.push(requestId),
}));

let database: TestDatabase;
let world: Awaited<ReturnType<typeof seedRequestWorld>>;
let route: typeof import("@/app/api/v1/requests/[id]/consumer-endpoints/route");
let decide: typeof import("@/app/api/v1/requests/[id]/consumer-endpoints/changes/[changeId]/route");
let sim: RunningSimulator;
const savedEnv = { ...process.env };

const host = "http://gatehouse.test";
const params = (id: string, changeId?: string) => ({
  params: Promise.resolve<Record<string, string>>(changeId ? { id, changeId } : { id }),
});
const request = (method: "GET" | "PUT" | "POST", id: string, bearer: string, body?: unknown, path = "") =>
  new Request(`${host}/api/v1/requests/${id}/consumer-endpoints${path}`, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function tokenFor(
  name: DemoUserName,
  scopes: TokenScope[],
  tokenName = `${name} ${scopes.join(" ")}`.replaceAll(":", "-"),
) {
  return (await createApiToken(database.db, world.userNamed(name), { name: tokenName, scopes, expiresInDays: 1 }))
    .secret;
}

beforeAll(async () => {
  [database, sim] = await Promise.all([createTestDatabase(), startSimulator({ profile: "instant" })]);
  process.env.DATABASE_URL = database.url;
  useSimulatorAsAws(sim);
  world = await seedRequestWorld(database.db);
  route = await import("@/app/api/v1/requests/[id]/consumer-endpoints/route");
  decide = await import("@/app/api/v1/requests/[id]/consumer-endpoints/changes/[changeId]/route");
});

afterAll(async () => {
  process.env = savedEnv;
  await Promise.all([database.drop(), sim.close()]);
});

describe("/api/v1/requests/{id}/consumer-endpoints", () => {
  it("holds endpoints no registered account owns for a second admin, then applies them: audited as the tokens, queued for the worker", async () => {
    const requestId = await world.putRequest({ status: "active" });
    const bot = await tokenFor("Ada Admin", ["requests:read", "requests:write", "approvals:write"], "network-bot");
    const response = await route.PUT(
      request("PUT", requestId, bot, { vpcEndpointIds: ["VPCE-0AAAAAAAAAAAAAAAA", "vpce-1b2c3d4e"] }),
      params(requestId),
    );
    expect(response.status).toBe(202);
    const proposed = await response.json();
    expect(proposed).toMatchObject({
      vpcEndpointIds: [],
      revision: 0,
      hubEndpointId: "vpce-0123456789abcdef0",
      pendingChange: {
        vpcEndpointIds: ["vpce-0aaaaaaaaaaaaaaaa", "vpce-1b2c3d4e"],
        unregisteredEndpointIds: ["vpce-0aaaaaaaaaaaaaaaa", "vpce-1b2c3d4e"],
      },
    });
    expect(queued).not.toContain(requestId);
    expect(
      await database.db.auditEvent.findFirstOrThrow({
        where: { action: "consumer_endpoints.proposed", targetId: requestId },
      }),
    ).toMatchObject({ actorLabel: "token:network-bot" });

    const changeId = proposed.pendingChange.id as string;
    const decision = (bearer: string, value: string) =>
      decide.POST(
        request("POST", requestId, bearer, { decision: value }, `/changes/${changeId}`),
        params(requestId, changeId),
      );
    expect((await decision(bot, "approved")).status).toBe(403);
    expect((await route.PUT(request("PUT", requestId, bot, { vpcEndpointIds: [] }), params(requestId))).status).toBe(
      409,
    );
    const withoutScope = await tokenFor("Grace Admin", ["requests:write"]);
    expect((await decision(withoutScope, "approved")).status).toBe(403);
    expect((await decision(bot, "maybe")).status).toBe(422);

    const approver = await tokenFor("Grace Admin", ["approvals:write"], "grace-approver");
    const approved = await decision(approver, "approved");
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({
      vpcEndpointIds: ["vpce-0aaaaaaaaaaaaaaaa", "vpce-1b2c3d4e"],
      revision: 1,
      inSync: false,
      pendingChange: null,
    });
    expect(queued).toContain(requestId);
    expect((await decision(approver, "rejected")).status).toBe(409);
    const changed = await database.db.auditEvent.findFirstOrThrow({
      where: { action: "consumer_endpoints.changed", targetId: requestId },
    });
    expect(changed).toMatchObject({
      actorLabel: "token:grace-approver",
      details: { added: ["vpce-0aaaaaaaaaaaaaaaa", "vpce-1b2c3d4e"], removed: [] },
    });
    expect(await (await route.GET(request("GET", requestId, bot), params(requestId))).json()).toMatchObject({
      vpcEndpointIds: ["vpce-0aaaaaaaaaaaaaaaa", "vpce-1b2c3d4e"],
      revision: 1,
      pendingChange: null,
    });

    // Removing needs no second admin.
    const removed = await route.PUT(
      request("PUT", requestId, bot, { vpcEndpointIds: ["vpce-1b2c3d4e"] }),
      params(requestId),
    );
    expect(removed.status).toBe(200);
    expect(await removed.json()).toMatchObject({ vpcEndpointIds: ["vpce-1b2c3d4e"], revision: 2, pendingChange: null });
  });

  it("names each bad ID and writes nothing", async () => {
    const requestId = await world.putRequest({ status: "active" });
    const admin = await tokenFor("Ada Admin", ["requests:write"]);
    const response = await route.PUT(
      request("PUT", requestId, admin, { vpcEndpointIds: ["vpce-1b2c3d4e", "sg-0123", "vpce-0123456789abcdef0"] }),
      params(requestId),
    );
    expect(response.status).toBe(422);
    expect((await response.json()).fieldErrors).toEqual({
      "vpcEndpointIds.1": [expect.stringMatching(/VPC endpoint ID/)],
    });
    const hubItself = await route.PUT(
      request("PUT", requestId, admin, { vpcEndpointIds: ["vpce-0123456789abcdef0"] }),
      params(requestId),
    );
    expect(hubItself.status).toBe(422);
    expect(await database.db.consumerEndpoints.count({ where: { requestId } })).toBe(0);
  });

  it("refuses requesters whatever their token's scopes, tokens without the scope, and exposures that are not active", async () => {
    const requestId = await world.putRequest({ status: "active" });
    const paul = await tokenFor("Paul Payments", ["requests:read", "requests:write"]);
    expect((await route.PUT(request("PUT", requestId, paul, { vpcEndpointIds: [] }), params(requestId))).status).toBe(
      403,
    );
    expect((await route.GET(request("GET", requestId, paul), params(requestId))).status).toBe(403);
    const readOnly = await tokenFor("Ada Admin", ["requests:read"]);
    expect(
      (await route.PUT(request("PUT", requestId, readOnly, { vpcEndpointIds: [] }), params(requestId))).status,
    ).toBe(403);
    const pending = await world.putRequest();
    const admin = await tokenFor("Ada Admin", ["requests:write"], "admin writer");
    expect(
      (await route.PUT(request("PUT", pending, admin, { vpcEndpointIds: ["vpce-1b2c3d4e"] }), params(pending))).status,
    ).toBe(409);
  });
});
