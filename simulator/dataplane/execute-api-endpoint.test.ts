import {
  CreateDeploymentCommand,
  CreateRestApiCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  TestInvokeMethodCommand,
} from "@aws-sdk/client-api-gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildResourcePolicy, serializeResourcePolicy } from "../../lib/provisioning/resource-policy";
import type { Backend } from "../model/backends";
import { startSimulator, type RunningSimulator } from "../server";
import { assumeDemoRole, demoRoles, type RoleClients } from "../testing/demo-roles";
import { aliasHost, invokePrivateApi } from "../testing/invoke-private-api";
import { deploy, discoverHub, exposeRemoteService, type Hub } from "../testing/link-chain";

// The execute-api endpoint's calling conventions and API Gateway's answers when the request itself is wrong, on a
// scenario-B chain (the datacenter's ledger service behind the hub's NLB, V1 link and private API).

let sim: RunningSimulator;
const simulatorLog: string[] = [];
let platform: RoleClients;
let hub: Hub;
let apiId: string;

const ledgerAnswer = { service: "ledger-service" };

beforeAll(async () => {
  sim = await startSimulator({ profile: "instant", log: (line) => simulatorLog.push(line) });
  platform = await assumeDemoRole(sim, demoRoles.platform);
  hub = await discoverHub(platform);
  ({ apiId } = await exposeRemoteService(platform, hub, {
    name: "gh-ledger",
    ip: "10.50.12.34",
    port: 8080,
    backendHost: "ledger.dc-frankfurt.corp",
    mode: "v1",
  }));
});

afterAll(async () => {
  await sim.close();
});

async function proxyResourceId(restApiId: string): Promise<string> {
  const { items = [] } = await platform.apigateway.send(new GetResourcesCommand({ restApiId }));
  return items.find((resource) => resource.path === "/{proxy+}")?.id ?? "";
}

describe("the execute-api endpoint", () => {
  it("takes x-apigw-api-id on the simulator's own address, through the hub's endpoint by default (the curl convention)", async () => {
    const response = await fetch(`${sim.url}/prod/accounts?page=2`, { headers: { "x-apigw-api-id": apiId } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ...ledgerAnswer,
      path: "/accounts",
      query: { page: "2" },
      headers: { "x-amzn-vpce-id": hub.executeApiEndpointId },
    });
  });

  it("takes the private DNS name and the endpoint-specific DNS name with x-apigw-api-id", async () => {
    const privateDns = await invokePrivateApi(sim, {
      host: `${apiId}.execute-api.eu-west-1.amazonaws.com`,
      path: "/prod/accounts",
    });
    expect(JSON.parse(privateDns.body)).toMatchObject(ledgerAnswer);
    const endpointDns = await invokePrivateApi(sim, {
      host: `${hub.executeApiEndpointId}-3kq9x2ld.execute-api.eu-west-1.vpce.amazonaws.com`,
      headers: { "x-apigw-api-id": apiId },
      path: "/prod/accounts",
    });
    expect(JSON.parse(endpointDns.body)).toMatchObject(ledgerAnswer);
  });

  it("answers 403 Forbidden for an alias of an endpoint the API is not associated with, an unknown stage, API or endpoint", async () => {
    const forbidden = { status: 403, body: '{"message":"Forbidden"}' };
    const unassociated = await invokePrivateApi(sim, {
      host: aliasHost(apiId, "vpce-0bbbbbbbbbbbbbbbb"),
      path: "/prod/accounts",
    });
    expect(unassociated).toMatchObject(forbidden);
    const unknownStage = await invokePrivateApi(sim, { headers: { "x-apigw-api-id": apiId }, path: "/beta/accounts" });
    expect(unknownStage).toMatchObject(forbidden);
    expect(simulatorLog.at(-1)).toContain(`hop restApi.deploy: API ${apiId} has no stage "beta"`);
    const unknownApi = await invokePrivateApi(sim, {
      headers: { "x-apigw-api-id": "zzzzzzzzzz" },
      path: "/prod/accounts",
    });
    expect(unknownApi).toMatchObject(forbidden);
    const unknownEndpoint = await invokePrivateApi(sim, {
      headers: { "x-apigw-api-id": apiId, "x-apigw-vpce-id": "vpce-0ccccccccccccccccc" },
      path: "/prod/accounts",
    });
    expect(unknownEndpoint).toMatchObject(forbidden);
    expect(simulatorLog.at(-1)).toContain("hop executeApiEndpoint");
    expect(unknownEndpoint.headers["x-amzn-errortype"]).toBe("ForbiddenException");
  });

  it("leaves signed AWS API calls to the services", async () => {
    const response = await fetch(`${sim.url}/restapis`, {
      headers: {
        authorization: "AWS4-HMAC-SHA256 Credential=AKIAUNKNOWN000000000/20260101/eu-west-1/apigateway/aws4_request",
        "x-apigw-api-id": apiId,
      },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("x-amzn-errortype")).toBe("UnrecognizedClientException");
  });
});

describe("API Gateway's own answers", () => {
  it("serves a MOCK method, and answers Missing Authentication Token where no method matches", async () => {
    const api = await platform.apigateway.send(
      new CreateRestApiCommand({
        name: "mock",
        endpointConfiguration: { types: ["PRIVATE"], vpcEndpointIds: [hub.executeApiEndpointId] },
        policy: serializeResourcePolicy(buildResourcePolicy([hub.executeApiEndpointId])),
        // The demo platform role creates only what carries Gatehouse's tag.
        tags: { "gatehouse:managed": "true" },
      }),
    );
    const restApiId = api.id ?? "";
    const rootId = api.rootResourceId ?? "";
    await platform.apigateway.send(
      new PutMethodCommand({ restApiId, resourceId: rootId, httpMethod: "GET", authorizationType: "NONE" }),
    );
    await platform.apigateway.send(
      new PutIntegrationCommand({
        restApiId,
        resourceId: rootId,
        httpMethod: "GET",
        type: "MOCK",
        requestTemplates: { "application/json": '{"statusCode": 200}' },
      }),
    );
    await platform.apigateway.send(
      new PutMethodResponseCommand({
        restApiId,
        resourceId: rootId,
        httpMethod: "GET",
        statusCode: "200",
        responseParameters: { "method.response.header.x-mock": true },
      }),
    );
    await platform.apigateway.send(
      new PutIntegrationResponseCommand({
        restApiId,
        resourceId: rootId,
        httpMethod: "GET",
        statusCode: "200",
        responseParameters: { "method.response.header.x-mock": "'yes'" },
        responseTemplates: { "application/json": '{"mock":true}' },
      }),
    );
    await platform.apigateway.send(new CreateDeploymentCommand({ restApiId, stageName: "prod" }));

    const mock = await invokePrivateApi(sim, { headers: { "x-apigw-api-id": restApiId }, path: "/prod/" });
    expect(mock).toMatchObject({ status: 200, body: '{"mock":true}' });
    expect(mock.headers["x-mock"]).toBe("yes");
    const missing = await invokePrivateApi(sim, { headers: { "x-apigw-api-id": restApiId }, path: "/prod/orders" });
    expect(missing).toMatchObject({ status: 403, body: '{"message":"Missing Authentication Token"}' });
    expect(missing.headers["x-amzn-errortype"]).toBe("MissingAuthenticationTokenException");
    const wrongMethod = await invokePrivateApi(sim, {
      headers: { "x-apigw-api-id": restApiId },
      method: "POST",
      path: "/prod/",
    });
    expect(wrongMethod.status).toBe(403);
  });

  it("answers 504 when the backend is slower than the integration timeout", async () => {
    const backend = sim.runtime.world.collection<Backend>("landscape.backend").get("backend-ledger-service");
    if (!backend) throw new Error("the demo landscape has no ledger-service backend");
    const resourceId = await proxyResourceId(apiId);
    const integration = await platform.apigateway.send(
      new GetResourcesCommand({ restApiId: apiId, embed: ["methods"] }),
    );
    const current = integration.items?.find((resource) => resource.id === resourceId)?.resourceMethods?.ANY
      ?.methodIntegration;
    await platform.apigateway.send(
      new PutIntegrationCommand({
        restApiId: apiId,
        resourceId,
        httpMethod: "ANY",
        ...current,
        integrationHttpMethod: "ANY",
        type: "HTTP_PROXY",
        timeoutInMillis: 50,
      }),
    );
    await deploy(platform, apiId);
    backend.answer.delayMs = 400;
    try {
      const slow = await invokePrivateApi(sim, { headers: { "x-apigw-api-id": apiId }, path: "/prod/accounts" });
      expect(slow).toMatchObject({ status: 504, body: '{"message": "Endpoint request timed out"}' });
      expect(simulatorLog.at(-1)).toContain("hop backend: ledger-service did not answer within 50 ms");
    } finally {
      backend.answer.delayMs = 0;
    }
  });

  it("TestInvokeMethod walks the live API without the resource policy and returns the backend's answer and the hop log", async () => {
    const resourceId = await proxyResourceId(apiId);
    const result = await platform.apigateway.send(
      new TestInvokeMethodCommand({
        restApiId: apiId,
        resourceId,
        httpMethod: "GET",
        pathWithQueryString: "/accounts/9?verbose=1",
      }),
    );
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body ?? "")).toMatchObject({
      ...ledgerAnswer,
      path: "/accounts/9",
      query: { verbose: "1" },
    });
    expect(result.log).toContain("Sending request to http://ledger.dc-frankfurt.corp:8080/accounts/9?verbose=1");
    expect(result.log).toMatch(/→ transit gateway tgw-[0-9a-f]+\n.*→ remote network datacenter-frankfurt/);
  });
});
