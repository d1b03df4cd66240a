import {
  CreateRestApiCommand,
  CreateVpcLinkCommand,
  GetIntegrationCommand,
  GetResourcesCommand,
  PutRestApiCommand,
} from "@aws-sdk/client-api-gateway";
import { CreateLoadBalancerCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildNetwork, platformAccount, startTestSimulator, type Clients } from "../../testing/sim-fixture";

let fixture: Awaited<ReturnType<typeof startTestSimulator>>;
let platform: Clients;
let linkId = "";

beforeAll(async () => {
  fixture = await startTestSimulator();
  platform = fixture.clientsFor(platformAccount);
  const network = buildNetwork(fixture.sim, platformAccount);
  const { LoadBalancers } = await platform.elb.send(
    new CreateLoadBalancerCommand({
      Name: "nlb-import",
      Type: "network",
      Scheme: "internal",
      Subnets: network.subnets.map((subnet) => subnet.id),
    }),
  );
  const link = await platform.apigateway.send(
    new CreateVpcLinkCommand({ name: "link", targetArns: [LoadBalancers?.[0]?.LoadBalancerArn ?? ""] }),
  );
  linkId = link.id ?? "";
});

afterAll(async () => {
  await fixture.sim.close();
});

const integration = (path: string) => ({
  type: "http_proxy",
  httpMethod: "GET",
  uri: `http://backend.internal:8080${path}`,
  connectionType: "VPC_LINK",
  connectionId: linkId,
});

const document = (paths: Record<string, unknown>) =>
  new TextEncoder().encode(JSON.stringify({ openapi: "3.0.1", info: { title: "orders", version: "1" }, paths }));

async function importInto(
  restApiId: string,
  paths: Record<string, unknown>,
  extra: { mode?: "merge" | "overwrite"; failOnWarnings?: boolean } = {},
) {
  return platform.apigateway.send(new PutRestApiCommand({ restApiId, body: document(paths), ...extra }));
}

async function methodsOf(restApiId: string) {
  const { items } = await platform.apigateway.send(new GetResourcesCommand({ restApiId }));
  return (items ?? [])
    .flatMap((resource) => Object.keys(resource.resourceMethods ?? {}).map((verb) => `${verb} ${resource.path}`))
    .sort();
}

async function newApi() {
  const api = await platform.apigateway.send(
    new CreateRestApiCommand({ name: "orders", endpointConfiguration: { types: ["PRIVATE"] } }),
  );
  return api.id ?? "";
}

describe("PutRestApi", () => {
  it("turns every path and verb into a resource and method with its VPC link integration, path parameters mapped", async () => {
    const id = await newApi();
    await importInto(id, {
      "/orders": { get: { "x-amazon-apigateway-integration": integration("/orders") } },
      "/orders/{orderId}": {
        get: {
          parameters: [{ name: "orderId", in: "path", required: true }],
          "x-amazon-apigateway-integration": {
            ...integration("/orders/{orderId}"),
            requestParameters: { "integration.request.path.orderId": "method.request.path.orderId" },
          },
        },
      },
    });
    expect(await methodsOf(id)).toEqual(["GET /orders", "GET /orders/{orderId}"]);
    const { items } = await platform.apigateway.send(new GetResourcesCommand({ restApiId: id }));
    const byId = items?.find((resource) => resource.path === "/orders/{orderId}");
    expect(byId?.resourceMethods?.GET?.requestParameters).toEqual({ "method.request.path.orderId": true });
    const wired = await platform.apigateway.send(
      new GetIntegrationCommand({ restApiId: id, resourceId: byId?.id, httpMethod: "GET" }),
    );
    expect(wired).toMatchObject({
      type: "HTTP_PROXY",
      connectionType: "VPC_LINK",
      connectionId: linkId,
      uri: "http://backend.internal:8080/orders/{orderId}",
      requestParameters: { "integration.request.path.orderId": "method.request.path.orderId" },
    });
  });

  it("merges by default and replaces everything in overwrite mode", async () => {
    const id = await newApi();
    await importInto(id, { "/a": { get: { "x-amazon-apigateway-integration": integration("/a") } } });
    await importInto(id, { "/b": { post: { "x-amazon-apigateway-integration": integration("/b") } } });
    expect(await methodsOf(id)).toEqual(["GET /a", "POST /b"]);
    await importInto(
      id,
      { "/c": { delete: { "x-amazon-apigateway-integration": integration("/c") } } },
      { mode: "overwrite" },
    );
    expect(await methodsOf(id)).toEqual(["DELETE /c"]);
  });

  it("refuses a bad document, an unknown VPC link or, with failonwarnings, a method without integration, and changes nothing", async () => {
    const id = await newApi();
    await importInto(id, { "/a": { get: { "x-amazon-apigateway-integration": integration("/a") } } });
    await expect(
      platform.apigateway.send(new PutRestApiCommand({ restApiId: id, body: new TextEncoder().encode("{}") })),
    ).rejects.toMatchObject({ name: "BadRequestException", message: expect.stringMatching(/openapi/) });
    await expect(
      importInto(
        id,
        { "/b": { get: { "x-amazon-apigateway-integration": { ...integration("/b"), connectionId: "nosuch" } } } },
        { mode: "overwrite" },
      ),
    ).rejects.toThrow(/Invalid VPC link identifier specified: nosuch/);
    await expect(importInto(id, { "/b": { get: {} } }, { failOnWarnings: true })).rejects.toThrow(
      /No integration defined for method GET \/b/,
    );
    await expect(importInto(id, { "/b": { trace: {} } })).rejects.toThrow(/Unsupported HTTP method 'trace'/);
    expect(await methodsOf(id)).toEqual(["GET /a"]);
  });
});
