import { describe, expect, it } from "vitest";
import { checkChain } from "../verify/chain-checks";
import { recordedOutputs } from "@/lib/provisioning/hops/registry";
import { provisionToEnd } from "@/lib/testing/provisioning-fixture";
import { sharedProvisioningFixture } from "@/lib/testing/shared-provisioning-fixture";
import type { LinkMode } from "@/lib/generated/prisma/client";
import { aliasHost, invokePrivateApi } from "@/simulator/testing/invoke-private-api";

// An exposure built from its OpenAPI document: the engine imports the document's paths and verbs with PutRestApi,
// each an HTTP_PROXY integration over the VPC link. A defined path and verb reaches the backend through the data
// plane; anything else gets what API Gateway answers on a private API where no resource or method matches.

const fixture = sharedProvisioningFixture();

const ordersDocument = `openapi: 3.0.3
info: { title: Orders, version: "1" }
paths:
  /orders:
    get: { responses: { "200": { description: all orders } } }
  /orders/{orderId}:
    get:
      parameters: [{ name: orderId, in: path, required: true, schema: { type: string } }]
      responses: { "200": { description: one order } }
`;

describe.each<LinkMode>(["v1", "v2"])("an API built from a 2-path document, link mode %s", (linkMode) => {
  it("answers on the document's methods, 403 Missing Authentication Token elsewhere, and verifies healthy", async () => {
    const { db } = fixture.database;
    const requestId = await fixture.approvedRequest({ scenario: "cross_account_nlb", linkMode });
    await db.exposureRequest.update({
      where: { id: requestId },
      data: { openApiDocument: ordersDocument, buildFromOpenApi: true },
    });
    const result = await provisionToEnd(fixture, requestId);
    expect(result.status).toBe("succeeded");
    const steps = await db.provisioningStep.findMany({ where: { runId: result.runId } });
    const outputs = recordedOutputs(steps);
    expect(outputs["restApi.routes"]?.methods).toEqual(["GET /orders", "GET /orders/{orderId}"]);

    const restApiId = outputs["restApi.create"]?.restApiId ?? "";
    const hub = await db.platformHub.findFirstOrThrow({ where: { linkMode } });
    const call = (method: string, path: string) =>
      invokePrivateApi(fixture.sim, { method, path, host: aliasHost(restApiId, hub.executeApiEndpointId) });

    const order = await call("GET", "/prod/orders/42");
    expect(order.status).toBe(200);
    expect(JSON.parse(order.body)).toMatchObject({ service: "checkout-api", path: "/orders/42" });
    for (const [method, path] of [
      ["GET", "/prod/customers"],
      ["DELETE", "/prod/orders/42"],
      ["GET", "/prod/"],
    ] as const) {
      expect(await call(method, path)).toMatchObject({
        status: 403,
        body: '{"message":"Missing Authentication Token"}',
      });
    }

    const verification = await checkChain(db, fixture.dependencies.clients, requestId);
    expect(verification).toMatchObject({ healthy: true, testInvoke: { status: 200 } });
  });
});
