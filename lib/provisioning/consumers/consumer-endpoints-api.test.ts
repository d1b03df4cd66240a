import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/api-tokens/api-tokens";
import type { TokenScope } from "@/lib/api-tokens/token-scopes";
import { seedRequestWorld, type DemoUserName } from "@/lib/requests/testing/seed-request-world";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

// PUT/GET /api/v1/requests/{id}/consumer-endpoints through the real route handler and database: platform admins only,
// whatever the token's scopes; the body is validated field by field; a change is audited as the token and queued for
// the worker.

const queued = vi.hoisted(() => [] as string[]);
vi.mock("@/lib/provisioning/consumers/consumer-endpoint-jobs", () => ({ queueConsumerEndpointsReconcile: async (requestId: string) => void queued.push(requestId) }));

let database: TestDatabase;
let world: Awaited<ReturnType<typeof seedRequestWorld>>;
let route: typeof import("@/app/api/v1/requests/[id]/consumer-endpoints/route");

const host = "http://gatehouse.test";
const params = (id: string) => ({ params: Promise.resolve<Record<string, string>>({ id }) });
const request = (method: "GET" | "PUT", id: string, bearer: string, body?: unknown) =>
  new Request(`${host}/api/v1/requests/${id}/consumer-endpoints`, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function tokenFor(name: DemoUserName, scopes: TokenScope[], tokenName = `${name} ${scopes.join(" ")}`.replaceAll(":", "-")) {
  return (await createApiToken(database.db, world.userNamed(name), { name: tokenName, scopes, expiresInDays: 1 })).secret;
}

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  world = await seedRequestWorld(database.db);
  route = await import("@/app/api/v1/requests/[id]/consumer-endpoints/route");
});

afterAll(async () => {
  await database.drop();
});

describe("/api/v1/requests/{id}/consumer-endpoints", () => {
  it("lets a platform admin's token replace the list: validated, audited as the token, queued for the worker", async () => {
    const requestId = await world.putRequest({ status: "active" });
    const bot = await tokenFor("Ada Admin", ["requests:read", "requests:write"], "network-bot");
    const response = await route.PUT(request("PUT", requestId, bot, { vpcEndpointIds: ["VPCE-0AAAAAAAAAAAAAAAA", "vpce-1b2c3d4e"] }), params(requestId));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ vpcEndpointIds: ["vpce-0aaaaaaaaaaaaaaaa", "vpce-1b2c3d4e"], revision: 1, inSync: false, hubEndpointId: "vpce-0123456789abcdef0" });
    expect(queued).toContain(requestId);
    const event = await database.db.auditEvent.findFirstOrThrow({ where: { action: "consumer_endpoints.changed", targetId: requestId } });
    expect(event).toMatchObject({ actorLabel: "token:network-bot", details: { added: ["vpce-0aaaaaaaaaaaaaaaa", "vpce-1b2c3d4e"], removed: [] } });
    expect(await (await route.GET(request("GET", requestId, bot), params(requestId))).json()).toMatchObject({ vpcEndpointIds: ["vpce-0aaaaaaaaaaaaaaaa", "vpce-1b2c3d4e"], revision: 1 });
  });

  it("names each bad ID and writes nothing", async () => {
    const requestId = await world.putRequest({ status: "active" });
    const admin = await tokenFor("Ada Admin", ["requests:write"]);
    const response = await route.PUT(request("PUT", requestId, admin, { vpcEndpointIds: ["vpce-1b2c3d4e", "sg-0123", "vpce-0123456789abcdef0"] }), params(requestId));
    expect(response.status).toBe(422);
    expect((await response.json()).fieldErrors).toEqual({ "vpcEndpointIds.1": [expect.stringMatching(/VPC endpoint ID/)] });
    const hubItself = await route.PUT(request("PUT", requestId, admin, { vpcEndpointIds: ["vpce-0123456789abcdef0"] }), params(requestId));
    expect(hubItself.status).toBe(422);
    expect(await database.db.consumerEndpoints.count({ where: { requestId } })).toBe(0);
  });

  it("refuses requesters whatever their token's scopes, tokens without the scope, and exposures that are not active", async () => {
    const requestId = await world.putRequest({ status: "active" });
    const paul = await tokenFor("Paul Payments", ["requests:read", "requests:write"]);
    expect((await route.PUT(request("PUT", requestId, paul, { vpcEndpointIds: [] }), params(requestId))).status).toBe(403);
    expect((await route.GET(request("GET", requestId, paul), params(requestId))).status).toBe(403);
    const readOnly = await tokenFor("Ada Admin", ["requests:read"]);
    expect((await route.PUT(request("PUT", requestId, readOnly, { vpcEndpointIds: [] }), params(requestId))).status).toBe(403);
    const pending = await world.putRequest();
    const admin = await tokenFor("Ada Admin", ["requests:write"], "admin writer");
    expect((await route.PUT(request("PUT", pending, admin, { vpcEndpointIds: ["vpce-1b2c3d4e"] }), params(pending))).status).toBe(409);
  });
});
