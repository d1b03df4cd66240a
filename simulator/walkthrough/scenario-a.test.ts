import { UpdateRestApiCommand } from "@aws-sdk/client-api-gateway";
import {
  DeregisterTargetsCommand,
  DescribeTargetHealthCommand,
  RegisterTargetsCommand,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildResourcePolicy, serializeResourcePolicy } from "../../lib/provisioning/resource-policy";
import type { RunningSimulator } from "../server";
import { startDemoLandscape } from "../testing/demo-landscape";
import { demoRoles, type RoleClients } from "../testing/demo-roles";
import { aliasHost, invokePrivateApi } from "../testing/invoke-private-api";
import {
  acceptPendingConnections,
  createInterfaceEndpoint,
  createPrivateApi,
  createVpcLink,
  deploy,
  endpointAddresses,
  findServiceLoadBalancer,
  platformLoadBalancer,
  shareLoadBalancer,
  type Hub,
  type PlatformBalancer,
} from "../testing/link-chain";

// Scenario A of the seed article, by hand through the SDK with the demo roles: the EKS service's internal NLB in the
// application account, shared through PrivateLink, fronted by a platform NLB, a VPC link and a private REST API,
// then called through the hub's execute-api endpoint. The steps build on each other, so the tests run in order.

let sim: RunningSimulator;
const simulatorLog: string[] = [];
let platform: RoleClients;
let application: RoleClients;
let hub: Hub;
let service: { serviceId: string; serviceName: string };
let balancer: PlatformBalancer;
let endpointIps: string[];
let apiId: string;

const bodyOf = (answer: { body: string }) => JSON.parse(answer.body) as Record<string, unknown>;

async function targetStates(targetGroupArn: string) {
  const { TargetHealthDescriptions = [] } = await platform.elb.send(
    new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }),
  );
  return TargetHealthDescriptions.map((description) => ({
    state: description.TargetHealth?.State,
    reason: description.TargetHealth?.Reason,
  }));
}

/** A private REST API for the checkout backend behind `vpcLinkId`, on the hub's endpoint, deployed to "prod". */
async function deployedCheckoutApi(
  name: string,
  vpcLinkId: string,
  options: { allowedEndpointIds?: string[]; integrationTarget?: string } = {},
) {
  const id = await createPrivateApi(platform, {
    name,
    allowedEndpointIds: [hub.executeApiEndpointId],
    associatedEndpointIds: [hub.executeApiEndpointId],
    vpcLinkId,
    backendHost: "checkout.payments.internal",
    port: 80,
    ...options,
  });
  await deploy(platform, id);
  return id;
}

beforeAll(async () => {
  ({ sim, platform, application, hub } = await startDemoLandscape({ log: (line) => simulatorLog.push(line) }));
});

afterAll(async () => {
  await sim.close();
});

describe("scenario A: cross-account NLB through PrivateLink", () => {
  it("reaches the EKS backend through endpoint service, interface endpoint, platform NLB, V1 link and private API", async () => {
    const applicationNlb = await findServiceLoadBalancer(application, "payments/checkout-api");
    service = await shareLoadBalancer(application, applicationNlb, demoRoles.platform.accountId);
    const endpointId = await createInterfaceEndpoint(platform, hub, service.serviceName, "walkthrough-a");
    expect((await endpointAddresses(platform, endpointId)).state).toBe("pendingacceptance");
    expect(await acceptPendingConnections(application, service.serviceId)).toEqual([endpointId]);
    const endpoint = await endpointAddresses(platform, endpointId);
    expect(endpoint.state).toBe("available");
    expect(endpoint.ips).toHaveLength(2);
    endpointIps = endpoint.ips;

    balancer = await platformLoadBalancer(platform, hub, {
      name: "gh-checkout",
      port: 80,
      targets: endpointIps.map((Id) => ({ Id })),
    });
    expect(await targetStates(balancer.targetGroupArn)).toEqual([
      { state: "healthy", reason: undefined },
      { state: "healthy", reason: undefined },
    ]);
    const vpcLinkId = await createVpcLink(platform, "gh-checkout", {
      mode: "v1",
      loadBalancerArn: balancer.loadBalancerArn,
    });
    apiId = await deployedCheckoutApi("checkout-api", vpcLinkId);

    const answer = await invokePrivateApi(sim, {
      host: aliasHost(apiId, hub.executeApiEndpointId),
      method: "POST",
      path: "/prod/orders/42?expand=lines",
      headers: { "content-type": "application/json", "x-request-id": "walkthrough-a" },
      body: '{"amount":12}',
    });
    expect(answer.status).toBe(200);
    expect(bodyOf(answer)).toMatchObject({
      service: "checkout-api",
      team: "payments",
      method: "POST",
      path: "/orders/42",
      query: { expand: "lines" },
      body: '{"amount":12}',
      headers: {
        host: "checkout.payments.internal",
        "x-request-id": "walkthrough-a",
        "x-amzn-vpce-id": hub.executeApiEndpointId,
      },
    });
    expect(answer.headers["x-amzn-requestid"]).toMatch(/^[0-9a-f-]{36}$/);
    const root = await invokePrivateApi(sim, { host: aliasHost(apiId, hub.executeApiEndpointId), path: "/prod/" });
    expect(bodyOf(root)).toMatchObject({ service: "checkout-api", method: "GET", path: "/" });
  });

  it("fails at interfaceEndpoint.accept while the provider has not accepted the connection, and heals on acceptance", async () => {
    const endpointId = await createInterfaceEndpoint(platform, hub, service.serviceName, "walkthrough-a-unaccepted");
    const { ips } = await endpointAddresses(platform, endpointId);
    const unaccepted = await platformLoadBalancer(platform, hub, {
      name: "gh-unaccepted",
      port: 80,
      targets: ips.map((Id) => ({ Id })),
    });
    expect(await targetStates(unaccepted.targetGroupArn)).toEqual([
      { state: "unhealthy", reason: "Target.Timeout" },
      { state: "unhealthy", reason: "Target.Timeout" },
    ]);
    const vpcLinkId = await createVpcLink(platform, "gh-unaccepted", {
      mode: "v1",
      loadBalancerArn: unaccepted.loadBalancerArn,
    });
    const unacceptedApi = await deployedCheckoutApi("checkout-unaccepted", vpcLinkId);

    const answer = await invokePrivateApi(sim, {
      host: aliasHost(unacceptedApi, hub.executeApiEndpointId),
      path: "/prod/orders",
    });
    expect(answer.status).toBe(500);
    expect(answer.body).toBe('{"message": "Internal server error"}');
    expect(simulatorLog.at(-1)).toContain(`hop interfaceEndpoint.accept: endpoint ${endpointId} is pendingAcceptance`);

    await acceptPendingConnections(application, service.serviceId);
    const healed = await invokePrivateApi(sim, {
      host: aliasHost(unacceptedApi, hub.executeApiEndpointId),
      path: "/prod/orders",
    });
    expect(healed.status).toBe(200);
    expect(bodyOf(healed)).toMatchObject({ service: "checkout-api", path: "/orders" });
  });

  it("answers 403 at restApi.create when the deployed resource policy does not allow the endpoint, until a redeploy", async () => {
    const vpcLinkId = await createVpcLink(platform, "gh-checkout-policy", {
      mode: "v1",
      loadBalancerArn: (
        await platformLoadBalancer(platform, hub, {
          name: "gh-policy",
          port: 80,
          targets: endpointIps.map((Id) => ({ Id })),
        })
      ).loadBalancerArn,
    });
    const restrictedApi = await deployedCheckoutApi("checkout-restricted", vpcLinkId, {
      allowedEndpointIds: ["vpce-0aaaaaaaaaaaaaaaa"],
    });
    const host = aliasHost(restrictedApi, hub.executeApiEndpointId);

    const denied = await invokePrivateApi(sim, { host, path: "/prod/orders" });
    expect(denied.status).toBe(403);
    expect(bodyOf(denied)).toEqual({
      Message: `User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:eu-west-1:111111111111:${restrictedApi}/prod/GET/orders with an explicit deny`,
    });
    expect(simulatorLog.at(-1)).toContain(
      `hop restApi.create: the deployed resource policy denies ${hub.executeApiEndpointId}`,
    );

    const allowHub = serializeResourcePolicy(buildResourcePolicy([hub.executeApiEndpointId]));
    await platform.apigateway.send(
      new UpdateRestApiCommand({
        restApiId: restrictedApi,
        patchOperations: [{ op: "replace", path: "/policy", value: allowHub }],
      }),
    );
    expect((await invokePrivateApi(sim, { host, path: "/prod/orders" })).status).toBe(403);
    await deploy(platform, restrictedApi);
    expect((await invokePrivateApi(sim, { host, path: "/prod/orders" })).status).toBe(200);
  });

  it("reaches the same NLB through a shared V2 VPC link with integrationTarget", async () => {
    const vpcLinkId = await createVpcLink(platform, "gh-hub-shared", {
      mode: "v2",
      loadBalancerArn: balancer.loadBalancerArn,
      hub,
    });
    const v2Api = await deployedCheckoutApi("checkout-v2", vpcLinkId, { integrationTarget: balancer.loadBalancerArn });
    const answer = await invokePrivateApi(sim, {
      host: aliasHost(v2Api, hub.executeApiEndpointId),
      method: "DELETE",
      path: "/prod/carts/7",
    });
    expect(answer.status).toBe(200);
    expect(bodyOf(answer)).toMatchObject({ service: "checkout-api", method: "DELETE", path: "/carts/7" });
  });

  it("fails at targets.register once the endpoint IPs are deregistered, and works again when they are back", async () => {
    const targets = endpointIps.map((Id) => ({ Id, Port: 80 }));
    await platform.elb.send(
      new DeregisterTargetsCommand({ TargetGroupArn: balancer.targetGroupArn, Targets: targets }),
    );
    const host = aliasHost(apiId, hub.executeApiEndpointId);
    const answer = await invokePrivateApi(sim, { host, path: "/prod/orders/42" });
    expect(answer.status).toBe(500);
    expect(answer.body).toBe('{"message": "Internal server error"}');
    expect(simulatorLog.at(-1)).toContain(
      "hop targets.register: target group gh-checkout-tg has no registered targets",
    );

    await platform.elb.send(new RegisterTargetsCommand({ TargetGroupArn: balancer.targetGroupArn, Targets: targets }));
    expect((await invokePrivateApi(sim, { host, path: "/prod/orders/42" })).status).toBe(200);
  });
});
