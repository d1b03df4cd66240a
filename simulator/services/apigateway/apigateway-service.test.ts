import {
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  CreateVpcLinkCommand,
  DeleteVpcLinkCommand,
  GetResourcesCommand,
  GetRestApiCommand,
  GetRestApisCommand,
  GetStageCommand,
  GetTagsCommand,
  GetVpcLinkCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  TagResourceCommand,
  UpdateRestApiCommand,
} from "@aws-sdk/client-api-gateway";
import {
  CreateVpcLinkCommand as CreateVpcLinkV2Command,
  GetVpcLinkCommand as GetVpcLinkV2Command,
} from "@aws-sdk/client-apigatewayv2";
import { CreateLoadBalancerCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { CreateVpcEndpointServiceConfigurationCommand } from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildResourcePolicy, serializeResourcePolicy } from "../../../lib/provisioning/resource-policy";
import {
  applicationAccount,
  buildNetwork,
  platformAccount,
  region,
  startTestSimulator,
  type Clients,
} from "../../testing/sim-fixture";

let fixture: Awaited<ReturnType<typeof startTestSimulator>>;
let platform: Clients;

beforeAll(async () => {
  fixture = await startTestSimulator();
  platform = fixture.clientsFor(platformAccount);
});

afterAll(async () => {
  await fixture.sim.close();
});

const policy = serializeResourcePolicy(buildResourcePolicy(["vpce-0123456789abcdef0"]));

async function networkLoadBalancer(activeAfterMs = 0) {
  fixture.sim.runtime.profile.latencyMs.loadBalancerActive = activeAfterMs;
  const network = buildNetwork(fixture.sim, platformAccount);
  const { LoadBalancers } = await platform.elb.send(
    new CreateLoadBalancerCommand({
      Name: `nlb-${Math.random().toString(36).slice(2, 8)}`,
      Type: "network",
      Scheme: "internal",
      Subnets: network.subnets.map((subnet) => subnet.id),
    }),
  );
  fixture.sim.runtime.profile.latencyMs.loadBalancerActive = 0;
  return { network, arn: LoadBalancers?.[0]?.LoadBalancerArn ?? "" };
}

async function privateApi(withPolicy = true) {
  const api = await platform.apigateway.send(
    new CreateRestApiCommand({
      name: "orders",
      endpointConfiguration: { types: ["PRIVATE"], vpcEndpointIds: ["vpce-0123456789abcdef0"] },
      policy: withPolicy ? policy : undefined,
      tags: { "gatehouse:request-id": "r1" },
    }),
  );
  return { id: api.id ?? "", rootId: api.rootResourceId ?? "" };
}

describe("REST APIs", () => {
  it("are created private with a root resource, are not unique by name, and hand the policy back escaped and expanded", async () => {
    const first = await privateApi();
    const second = await privateApi();
    expect(first.id).toMatch(/^[a-z0-9]{10}$/);
    expect(second.id).not.toBe(first.id);
    const { items } = await platform.apigateway.send(new GetRestApisCommand({}));
    expect(items?.filter((api) => api.name === "orders").length).toBeGreaterThanOrEqual(2);
    const fetched = await platform.apigateway.send(new GetRestApiCommand({ restApiId: first.id }));
    expect(fetched.endpointConfiguration?.types).toEqual(["PRIVATE"]);
    // The short form `execute-api:/*` comes back as the API's ARN, as API Gateway saves it.
    const apiArn = `arn:aws:execute-api:${region}:${platformAccount}:${first.id}`;
    expect(JSON.parse((fetched.policy ?? "").replace(/\\"/g, '"'))).toEqual(
      JSON.parse(policy.replaceAll('"execute-api:/', `"${apiArn}/`)),
    );
    const resources = await platform.apigateway.send(new GetResourcesCommand({ restApiId: first.id }));
    expect(resources.items?.map((resource) => resource.path)).toEqual(["/"]);
  });

  it("update the policy and endpoints with patch operations", async () => {
    const { id } = await privateApi(false);
    const updated = await platform.apigateway.send(
      new UpdateRestApiCommand({
        restApiId: id,
        patchOperations: [
          { op: "replace", path: "/policy", value: policy },
          { op: "add", path: "/endpointConfiguration/vpcEndpointIds", value: "vpce-0aaaaaaaaaaaaaaaa" },
        ],
      }),
    );
    expect(updated.endpointConfiguration?.vpcEndpointIds).toEqual(["vpce-0123456789abcdef0", "vpce-0aaaaaaaaaaaaaaaa"]);
    expect(updated.policy).toBeTruthy();
  });

  it("refuse a second {proxy+} and anything below a greedy variable", async () => {
    const { id, rootId } = await privateApi();
    const proxy = await platform.apigateway.send(
      new CreateResourceCommand({ restApiId: id, parentId: rootId, pathPart: "{proxy+}" }),
    );
    expect(proxy.path).toBe("/{proxy+}");
    await expect(
      platform.apigateway.send(new CreateResourceCommand({ restApiId: id, parentId: rootId, pathPart: "{proxy+}" })),
    ).rejects.toMatchObject({ name: "ConflictException" });
    await expect(
      platform.apigateway.send(new CreateResourceCommand({ restApiId: id, parentId: proxy.id, pathPart: "below" })),
    ).rejects.toThrow(/must be the last part/);
  });

  it("cannot be deployed without methods, integrations or, when private, a resource policy", async () => {
    const { arn } = await networkLoadBalancer();
    const link = await platform.apigateway.send(new CreateVpcLinkCommand({ name: "link", targetArns: [arn] }));
    const { id, rootId } = await privateApi(false);
    await expect(
      platform.apigateway.send(new CreateDeploymentCommand({ restApiId: id, stageName: "prod" })),
    ).rejects.toThrow(/doesn't contain any methods/);
    await platform.apigateway.send(
      new PutMethodCommand({ restApiId: id, resourceId: rootId, httpMethod: "ANY", authorizationType: "NONE" }),
    );
    await expect(
      platform.apigateway.send(new CreateDeploymentCommand({ restApiId: id, stageName: "prod" })),
    ).rejects.toThrow(/No integration defined for method/);
    await platform.apigateway.send(
      new PutIntegrationCommand({
        restApiId: id,
        resourceId: rootId,
        httpMethod: "ANY",
        type: "HTTP_PROXY",
        integrationHttpMethod: "ANY",
        uri: "http://backend.internal/",
        connectionType: "VPC_LINK",
        connectionId: link.id,
      }),
    );
    await expect(
      platform.apigateway.send(new CreateDeploymentCommand({ restApiId: id, stageName: "prod" })),
    ).rejects.toThrow(/doesn't have a resource policy attached/);
    await platform.apigateway.send(
      new UpdateRestApiCommand({ restApiId: id, patchOperations: [{ op: "replace", path: "/policy", value: policy }] }),
    );
    const deployment = await platform.apigateway.send(
      new CreateDeploymentCommand({ restApiId: id, stageName: "prod" }),
    );
    const stage = await platform.apigateway.send(new GetStageCommand({ restApiId: id, stageName: "prod" }));
    expect(stage.deploymentId).toBe(deployment.id);
    await expect(platform.apigateway.send(new DeleteVpcLinkCommand({ vpcLinkId: link.id }))).rejects.toThrow(
      /is referenced in \[ANY:\/\]/,
    );
  });

  it("refuse integrations through an unknown VPC link or without an integration HTTP method", async () => {
    const { id, rootId } = await privateApi();
    await platform.apigateway.send(
      new PutMethodCommand({ restApiId: id, resourceId: rootId, httpMethod: "ANY", authorizationType: "NONE" }),
    );
    const putProxyIntegration = (extra: {
      integrationHttpMethod?: string;
      connectionType?: "VPC_LINK";
      connectionId?: string;
    }) =>
      platform.apigateway.send(
        new PutIntegrationCommand({
          restApiId: id,
          resourceId: rootId,
          httpMethod: "ANY",
          type: "HTTP_PROXY",
          uri: "http://x/",
          ...extra,
        }),
      );
    await expect(
      putProxyIntegration({ integrationHttpMethod: "ANY", connectionType: "VPC_LINK", connectionId: "nosuchlink" }),
    ).rejects.toMatchObject({ name: "BadRequestException" });
    await expect(putProxyIntegration({})).rejects.toThrow(/HttpMethod must be non-empty/);
  });

  it("are tagged and read back by ARN", async () => {
    const { id } = await privateApi();
    const arn = `arn:aws:apigateway:${region}::/restapis/${id}`;
    await platform.apigateway.send(new TagResourceCommand({ resourceArn: arn, tags: { team: "payments" } }));
    const { tags } = await platform.apigateway.send(new GetTagsCommand({ resourceArn: arn }));
    expect(tags).toEqual({ "gatehouse:request-id": "r1", team: "payments" });
  });

  it("are invisible to other accounts, and denied without the IAM action", async () => {
    const { id } = await privateApi();
    await expect(
      fixture.clientsFor(applicationAccount).apigateway.send(new GetRestApiCommand({ restApiId: id })),
    ).rejects.toMatchObject({ name: "NotFoundException" });
    const readOnly = fixture.clientsFor(platformAccount, ["apigateway:GET"]);
    await expect(readOnly.apigateway.send(new CreateRestApiCommand({ name: "x" }))).rejects.toMatchObject({
      name: "AccessDeniedException",
      $metadata: { httpStatusCode: 403 },
    });
  });

  it("are throttled per account: CreateRestApi once per 3 s", async () => {
    fixture.sim.runtime.options.throttles = true;
    try {
      await platform.apigateway.send(new CreateRestApiCommand({ name: "first" }));
      await expect(platform.apigateway.send(new CreateRestApiCommand({ name: "second" }))).rejects.toMatchObject({
        name: "TooManyRequestsException",
        $metadata: { httpStatusCode: 429 },
      });
      await fixture.clientsFor(applicationAccount).apigateway.send(new CreateRestApiCommand({ name: "other account" }));
    } finally {
      fixture.sim.runtime.options.throttles = false;
    }
  });
});

describe("VPC links", () => {
  it("V1: PENDING, then AVAILABLE after the latency when the NLB was active", async () => {
    const { arn } = await networkLoadBalancer();
    fixture.sim.runtime.profile.latencyMs.vpcLinkV1Available = 100;
    const link = await platform.apigateway.send(new CreateVpcLinkCommand({ name: "ok", targetArns: [arn] }));
    expect(link.status).toBe("PENDING");
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect((await platform.apigateway.send(new GetVpcLinkCommand({ vpcLinkId: link.id }))).status).toBe("AVAILABLE");
    fixture.sim.runtime.profile.latencyMs.vpcLinkV1Available = 0;
  });

  it("V1: FAILED when the NLB was still provisioning", async () => {
    const { arn } = await networkLoadBalancer(60_000);
    const link = await platform.apigateway.send(new CreateVpcLinkCommand({ name: "early", targetArns: [arn] }));
    const read = await platform.apigateway.send(new GetVpcLinkCommand({ vpcLinkId: link.id }));
    expect(read.status).toBe("FAILED");
    expect(read.statusMessage).toMatch(/NLB is not in active state/);
  });

  it("V1: FAILED when the NLB already backs an endpoint service", async () => {
    const { arn } = await networkLoadBalancer();
    await platform.ec2.send(new CreateVpcEndpointServiceConfigurationCommand({ NetworkLoadBalancerArns: [arn] }));
    const link = await platform.apigateway.send(new CreateVpcLinkCommand({ name: "taken", targetArns: [arn] }));
    const read = await platform.apigateway.send(new GetVpcLinkCommand({ vpcLinkId: link.id }));
    expect(read).toMatchObject({
      status: "FAILED",
      statusMessage: "NLB is already associated with another VPC Endpoint Service",
    });
  });

  it("V1: takes exactly one NLB", async () => {
    const { arn } = await networkLoadBalancer();
    await expect(
      platform.apigateway.send(new CreateVpcLinkCommand({ name: "two", targetArns: [arn, arn] })),
    ).rejects.toThrow(/More than one target arn/);
  });

  it("V2: puts ENIs in the subnets and becomes AVAILABLE", async () => {
    const network = buildNetwork(fixture.sim, platformAccount);
    const link = await platform.apigatewayv2.send(
      new CreateVpcLinkV2Command({
        Name: "shared",
        SubnetIds: network.subnets.map((subnet) => subnet.id),
        SecurityGroupIds: [network.securityGroup.id],
      }),
    );
    expect(link.VpcLinkId).toMatch(/^[a-z0-9]{10}$/);
    const read = await platform.apigatewayv2.send(new GetVpcLinkV2Command({ VpcLinkId: link.VpcLinkId }));
    expect(read).toMatchObject({ VpcLinkStatus: "AVAILABLE", VpcLinkVersion: "V2" });
    expect(
      network.subnets.every(
        (subnet) =>
          fixture.sim.runtime.world.collection<typeof subnet>("ec2.subnet").get(subnet.id)?.allocatedIps.length === 1,
      ),
    ).toBe(true);
  });
});
