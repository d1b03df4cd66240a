import {
  apiEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  type Entity,
} from "@backstage/catalog-model";
import { describe, expect, it, vi } from "vitest";
import { parseAllDocuments } from "yaml";
import { createApiToken } from "@/lib/api-tokens/api-tokens";
import { seedRequestWorld } from "@/lib/requests/testing/seed-request-world";
import { ordersDocument } from "./testing/orders-openapi";
import { session } from "@/lib/testing/session-stand-in";
import { sharedApiDatabase, testPortalOrigin } from "@/lib/testing/shared-test-database";

// The catalog routes through their real handlers and a real database: the owning team edits its entry and attaches
// an OpenAPI document (a bad one is a 422 naming its line, nothing written), anyone else is refused with the exact
// status, and the Backstage export is what @backstage/catalog-model's own validators accept.

vi.mock("@/lib/auth/current-user", () => import("@/lib/testing/session-stand-in"));

let world: Awaited<ReturnType<typeof seedRequestWorld>>;
let entry: typeof import("@/app/api/catalog/[id]/route");
let openapi: typeof import("@/app/api/catalog/[id]/openapi/route");
let backstage: typeof import("@/app/api/v1/catalog/backstage/route");
const database = sharedApiDatabase(async ({ db }) => {
  [world, entry, openapi, backstage] = await Promise.all([
    seedRequestWorld(db),
    import("@/app/api/catalog/[id]/route"),
    import("@/app/api/catalog/[id]/openapi/route"),
    import("@/app/api/v1/catalog/backstage/route"),
  ]);
});

const send = (method: string, body?: string, headers: Record<string, string> = {}) =>
  new Request(`${testPortalOrigin}/api/catalog/x`, {
    method,
    headers: { "content-type": "application/json", origin: testPortalOrigin, ...headers },
    body,
  });
const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe("catalog entry routes", () => {
  it("lets the owning team edit description and contact, audited with before and after", async () => {
    const id = await world.putRequest({ status: "active" });
    session.user = world.userNamed("Paul Payments");
    const response = await entry.PATCH(
      send("PATCH", JSON.stringify({ description: "The general ledger", contact: "#payments" })),
      params(id),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      description: "The general ledger",
      contact: "#payments",
      buildFromOpenApi: false,
    });
    const event = await database.db.auditEvent.findFirstOrThrow({
      where: { action: "catalog.entry_updated", targetId: id },
    });
    expect(event.details).toEqual({
      before: { description: null, contact: null, buildFromOpenApi: false },
      after: { description: "The general ledger", contact: "#payments", buildFromOpenApi: false },
    });
  });

  it("401 signed out, 403 another team and platform admins, 404 not in the catalog, 422 naming the field", async () => {
    const id = await world.putRequest({ status: "active" });
    const body = JSON.stringify({ contact: "x" });
    session.user = null;
    expect((await entry.PATCH(send("PATCH", body), params(id))).status).toBe(401);
    session.user = world.userNamed("Lena Logistics");
    expect((await entry.PATCH(send("PATCH", body), params(id))).status).toBe(403);
    expect((await openapi.PUT(send("PUT", ordersDocument), params(id))).status).toBe(403);
    session.user = world.userNamed("Ada Admin");
    expect((await entry.PATCH(send("PATCH", body), params(id))).status).toBe(403);
    session.user = world.userNamed("Paul Payments");
    const pending = await world.putRequest({ status: "pending_approval" });
    expect((await entry.PATCH(send("PATCH", body), params(pending))).status).toBe(404);
    const bad = await entry.PATCH(send("PATCH", JSON.stringify({ contact: 7 })), params(id));
    expect(bad.status).toBe(422);
    expect((await bad.json()).fieldErrors).toHaveProperty("contact");
  });

  it("builds the API from its document only once one is attached (422 naming buildFromOpenApi before)", async () => {
    const id = await world.putRequest({ status: "active" });
    session.user = world.userNamed("Paul Payments");
    const build = JSON.stringify({ buildFromOpenApi: true });
    const refused = await entry.PATCH(send("PATCH", build), params(id));
    expect(refused.status).toBe(422);
    expect((await refused.json()).fieldErrors).toHaveProperty("buildFromOpenApi");
    expect((await openapi.PUT(send("PUT", ordersDocument), params(id))).status).toBe(200);
    expect(await (await entry.PATCH(send("PATCH", build), params(id))).json()).toMatchObject({
      buildFromOpenApi: true,
    });
    const row = await database.db.exposureRequest.findUniqueOrThrow({ where: { id } });
    expect(row.buildFromOpenApi).toBe(true);
  });

  it("stores a valid document; refuses a bad one with 422 naming the line and keeps the stored one", async () => {
    const id = await world.putRequest({ status: "active" });
    session.user = world.userNamed("Paul Payments");
    const stored = await openapi.PUT(send("PUT", ordersDocument), params(id));
    expect(stored.status).toBe(200);
    expect(await stored.json()).toMatchObject({
      title: "Orders",
      operations: [{ path: "/orders", method: "GET" }, {}],
    });

    const refused = await openapi.PUT(
      send("PUT", ordersDocument.replace("description: One order", "description: 3")),
      params(id),
    );
    expect(refused.status).toBe(422);
    expect((await refused.json()).fieldErrors.document[0]).toMatch(/^line 22: .*must be string/);
    const row = await database.db.exposureRequest.findUniqueOrThrow({ where: { id } });
    expect(row.openApiDocument).toBe(ordersDocument);
    expect(await database.db.auditEvent.count({ where: { action: "catalog.openapi_attached", targetId: id } })).toBe(1);

    expect((await openapi.DELETE(send("DELETE"), params(id))).status).toBe(204);
    expect((await database.db.exposureRequest.findUniqueOrThrow({ where: { id } })).openApiDocument).toBeNull();
  });

  it("takes a document over the 64 KiB API cap up to 256 KiB, and refuses one past it with 413", async () => {
    const id = await world.putRequest({ status: "active" });
    session.user = world.userNamed("Paul Payments");
    const padded = `${ordersDocument}# ${"x".repeat(100 * 1024)}\n`;
    expect((await openapi.PUT(send("PUT", padded), params(id))).status).toBe(200);
    const tooLarge = `${ordersDocument}# ${"x".repeat(256 * 1024)}\n`;
    expect((await openapi.PUT(send("PUT", tooLarge), params(id))).status).toBe(413);
  });
});

const policies = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

describe("GET /api/v1/catalog/backstage", () => {
  const bearer = (secret: string) =>
    new Request(`${testPortalOrigin}/api/v1/catalog/backstage`, { headers: { authorization: `Bearer ${secret}` } });

  it("answers Backstage entities that catalog-model's own validators accept, to a token with catalog:read", async () => {
    const documented = await world.putRequest({ status: "active", apiName: "ledger", openApiDocument: ordersDocument });
    await world.putRequest({ status: "decommission_pending", apiName: "old ledger", stageName: "prod" });
    await world.putRequest({ status: "active", apiName: "ledger-dev", stageName: "dev" });
    const { secret } = await createApiToken(database.db, world.userNamed("Lena Logistics"), {
      name: "backstage",
      scopes: ["catalog:read"],
      expiresInDays: 1,
    });
    const response = await backstage.GET(bearer(secret), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/yaml/);
    const entities = parseAllDocuments(await response.text()).map((document) => document.toJS() as Entity);
    expect(entities.length).toBeGreaterThanOrEqual(3);
    for (const entity of entities) {
      expect(await apiEntityV1alpha1Validator.check(entity)).toBe(true);
      await expect(policies.enforce(entity)).resolves.toBeDefined();
    }
    const ledger = entities.find((entity) => entity.metadata.annotations?.["gatehouse.io/exposure-id"] === documented);
    expect(ledger?.spec).toMatchObject({
      type: "openapi",
      lifecycle: "production",
      owner: "group:default/payments",
      definition: ordersDocument,
    });
    expect(ledger?.metadata.links).toContainEqual({
      url: `${testPortalOrigin}/catalog/${documented}`,
      title: "Gatehouse catalog page",
    });
    const lifecycles = Object.fromEntries(entities.map((entity) => [entity.metadata.title, entity.spec?.lifecycle]));
    expect(lifecycles).toMatchObject({ "old ledger": "deprecated", "ledger-dev": "experimental" });
  });

  it("answers JSON with format=json, and 403 to a token without catalog:read", async () => {
    const { secret } = await createApiToken(database.db, world.userNamed("Paul Payments"), {
      name: "reader",
      scopes: ["requests:read"],
      expiresInDays: 1,
    });
    expect((await backstage.GET(bearer(secret), { params: Promise.resolve({}) })).status).toBe(403);
    const { secret: catalog } = await createApiToken(database.db, world.userNamed("Paul Payments"), {
      name: "catalog",
      scopes: ["catalog:read"],
      expiresInDays: 1,
    });
    const json = await backstage.GET(
      new Request(`${testPortalOrigin}/api/v1/catalog/backstage?format=json`, {
        headers: { authorization: `Bearer ${catalog}` },
      }),
      { params: Promise.resolve({}) },
    );
    expect(json.status).toBe(200);
    expect((await json.json()).items[0]).toMatchObject({ apiVersion: "backstage.io/v1alpha1", kind: "API" });
  });
});
