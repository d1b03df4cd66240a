import {
  CreateResourceCommand,
  CreateRestApiCommand,
  DeleteRestApiCommand,
  GetRestApiCommand,
  GetResourcesCommand,
  TagResourceCommand,
  UpdateRestApiCommand,
} from "@aws-sdk/client-api-gateway";
import {
  CreateTagsCommand,
  CreateVpcEndpointServiceConfigurationCommand,
  DeleteVpcEndpointServiceConfigurationsCommand,
  DescribeVpcEndpointServicePermissionsCommand,
  ModifyVpcEndpointServicePermissionsCommand,
} from "@aws-sdk/client-ec2";
import {
  AddTagsCommand,
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  DeleteLoadBalancerCommand,
  DeleteTargetGroupCommand,
  DescribeLoadBalancersCommand,
  ModifyLoadBalancerAttributesCommand,
  RegisterTargetsCommand,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { managedTag } from "../../lib/accounts/role-policy";
import type { RunningSimulator } from "../server";
import { startDemoLandscape } from "../testing/demo-landscape";
import { demoRoles, type RoleClients } from "../testing/demo-roles";
import { findServiceLoadBalancer, shareLoadBalancer, type Hub } from "../testing/link-chain";
import { clientsFor, type Clients } from "../testing/sim-fixture";

// The demo roles are the policy documents Gatehouse generates. Through them Gatehouse changes what it made (tagged
// gatehouse:managed) and nothing else: an NLB, endpoint service or REST API that the account's own team made stays
// out of its reach, answered as AWS answers (UnauthorizedOperation from EC2, AccessDenied from ELBv2,
// AccessDeniedException from API Gateway), and it cannot take one over by tagging it.

let sim: RunningSimulator;
let platform: RoleClients;
let application: RoleClients;
/** The accounts' own teams, with every permission. */
let platformTeam: Clients;
let applicationTeam: Clients;
let hub: Hub;

const gatehouseTags = [{ ...managedTag }];

beforeAll(async () => {
  ({ sim, platform, application, hub } = await startDemoLandscape());
  platformTeam = clientsFor(sim, demoRoles.platform.accountId);
  applicationTeam = clientsFor(sim, demoRoles.application.accountId);
});

afterAll(async () => {
  await sim.close();
});

describe("the generated application-account role", () => {
  it("creates, re-permissions and deletes its own tagged endpoint service, with DryRun answering the same", async () => {
    const loadBalancerArn = await findServiceLoadBalancer(application, "payments/checkout-api");
    const { serviceId } = await shareLoadBalancer(application, loadBalancerArn, demoRoles.platform.accountId);
    const remove = (DryRun: boolean) =>
      application.ec2.send(new DeleteVpcEndpointServiceConfigurationsCommand({ DryRun, ServiceIds: [serviceId] }));
    await expect(remove(true)).rejects.toMatchObject({ name: "DryRunOperation" });
    expect((await remove(false)).Unsuccessful).toEqual([]);
  });

  it("cannot create an endpoint service without Gatehouse's tag, or with a tag key that is not Gatehouse's", async () => {
    const loadBalancerArn = await findServiceLoadBalancer(application, "payments/checkout-api");
    const create = (
      TagSpecifications?: { ResourceType: "vpc-endpoint-service"; Tags: { Key: string; Value: string }[] }[],
    ) =>
      application.ec2.send(
        new CreateVpcEndpointServiceConfigurationCommand({
          NetworkLoadBalancerArns: [loadBalancerArn],
          TagSpecifications,
        }),
      );
    await expect(create()).rejects.toMatchObject({ name: "UnauthorizedOperation" });
    const foreignKey = [
      {
        ResourceType: "vpc-endpoint-service" as const,
        Tags: [...gatehouseTags, { Key: "cost-center", Value: "payments" }],
      },
    ];
    await expect(create(foreignKey)).rejects.toMatchObject({ name: "UnauthorizedOperation" });
  });

  it("cannot delete, re-permission or take over (by tagging) an endpoint service the team made", async () => {
    const loadBalancerArn = await findServiceLoadBalancer(application, "payments/checkout-api");
    const { ServiceConfiguration } = await applicationTeam.ec2.send(
      new CreateVpcEndpointServiceConfigurationCommand({
        NetworkLoadBalancerArns: [loadBalancerArn],
        AcceptanceRequired: true,
      }),
    );
    const ServiceId = ServiceConfiguration?.ServiceId ?? "";
    const denied = {
      name: "UnauthorizedOperation",
      message: expect.stringContaining(`vpc-endpoint-service/${ServiceId}`),
    };
    await expect(
      application.ec2.send(
        new DeleteVpcEndpointServiceConfigurationsCommand({ DryRun: true, ServiceIds: [ServiceId] }),
      ),
    ).rejects.toMatchObject(denied);
    await expect(
      application.ec2.send(new DeleteVpcEndpointServiceConfigurationsCommand({ ServiceIds: [ServiceId] })),
    ).rejects.toMatchObject(denied);
    await expect(
      application.ec2.send(
        new ModifyVpcEndpointServicePermissionsCommand({
          ServiceId,
          AddAllowedPrincipals: ["arn:aws:iam::999999999999:root"],
        }),
      ),
    ).rejects.toMatchObject(denied);
    await expect(
      application.ec2.send(new CreateTagsCommand({ Resources: [ServiceId], Tags: gatehouseTags })),
    ).rejects.toMatchObject(denied);

    const { AllowedPrincipals } = await applicationTeam.ec2.send(
      new DescribeVpcEndpointServicePermissionsCommand({ ServiceId }),
    );
    expect(AllowedPrincipals).toEqual([]);
  });
});

describe("the generated platform-account role", () => {
  it("cannot create a load balancer or target group without Gatehouse's tag", async () => {
    await expect(
      platform.elb.send(
        new CreateLoadBalancerCommand({
          Name: "untagged-nlb",
          Type: "network",
          Scheme: "internal",
          Subnets: hub.subnetIds,
        }),
      ),
    ).rejects.toMatchObject({ name: "AccessDenied" });
    await expect(
      platform.elb.send(
        new CreateTargetGroupCommand({
          Name: "untagged-tg",
          Protocol: "TCP",
          Port: 80,
          VpcId: hub.vpcId,
          TargetType: "ip",
        }),
      ),
    ).rejects.toMatchObject({ name: "AccessDenied" });
  });

  it("cannot delete, modify, re-target, add a listener to or take over an NLB and target group the team made", async () => {
    const { LoadBalancers } = await platformTeam.elb.send(
      new CreateLoadBalancerCommand({ Name: "team-nlb", Type: "network", Scheme: "internal", Subnets: hub.subnetIds }),
    );
    const LoadBalancerArn = LoadBalancers?.[0]?.LoadBalancerArn ?? "";
    const { TargetGroups } = await platformTeam.elb.send(
      new CreateTargetGroupCommand({ Name: "team-tg", Protocol: "TCP", Port: 80, VpcId: hub.vpcId, TargetType: "ip" }),
    );
    const TargetGroupArn = TargetGroups?.[0]?.TargetGroupArn ?? "";
    const denied = { name: "AccessDenied" };
    await expect(platform.elb.send(new DeleteLoadBalancerCommand({ LoadBalancerArn }))).rejects.toMatchObject(denied);
    await expect(
      platform.elb.send(
        new ModifyLoadBalancerAttributesCommand({
          LoadBalancerArn,
          Attributes: [{ Key: "deletion_protection.enabled", Value: "false" }],
        }),
      ),
    ).rejects.toMatchObject(denied);
    await expect(
      platform.elb.send(
        new CreateListenerCommand({
          LoadBalancerArn,
          Protocol: "TCP",
          Port: 80,
          DefaultActions: [{ Type: "forward", TargetGroupArn }],
        }),
      ),
    ).rejects.toMatchObject(denied);
    await expect(
      platform.elb.send(new RegisterTargetsCommand({ TargetGroupArn, Targets: [{ Id: "10.0.0.1", Port: 80 }] })),
    ).rejects.toMatchObject(denied);
    await expect(platform.elb.send(new DeleteTargetGroupCommand({ TargetGroupArn }))).rejects.toMatchObject(denied);
    await expect(
      platform.elb.send(new AddTagsCommand({ ResourceArns: [LoadBalancerArn], Tags: gatehouseTags })),
    ).rejects.toMatchObject(denied);

    const { LoadBalancers: still } = await platformTeam.elb.send(
      new DescribeLoadBalancersCommand({ LoadBalancerArns: [LoadBalancerArn] }),
    );
    expect(still?.[0]?.LoadBalancerName).toBe("team-nlb");
  });

  it("creates, builds on and deletes its own tagged REST API (the API's resources inherit its tag)", async () => {
    await expect(platform.apigateway.send(new CreateRestApiCommand({ name: "untagged" }))).rejects.toMatchObject({
      name: "AccessDeniedException",
    });
    const api = await platform.apigateway.send(
      new CreateRestApiCommand({ name: "gatehouse-api", tags: { [managedTag.Key]: managedTag.Value } }),
    );
    const restApiId = api.id ?? "";
    const { items = [] } = await platform.apigateway.send(new GetResourcesCommand({ restApiId }));
    const created = await platform.apigateway.send(
      new CreateResourceCommand({ restApiId, parentId: items[0]?.id ?? "", pathPart: "{proxy+}" }),
    );
    expect(created.path).toBe("/{proxy+}");
    await platform.apigateway.send(new DeleteRestApiCommand({ restApiId }));
  });

  it("cannot delete, patch, extend or take over a REST API the team made", async () => {
    const api = await platformTeam.apigateway.send(
      new CreateRestApiCommand({ name: "team-api", endpointConfiguration: { types: ["REGIONAL"] } }),
    );
    const restApiId = api.id ?? "";
    const { items = [] } = await platformTeam.apigateway.send(new GetResourcesCommand({ restApiId }));
    const denied = { name: "AccessDeniedException", message: expect.stringContaining(`/restapis/${restApiId}`) };
    await expect(platform.apigateway.send(new DeleteRestApiCommand({ restApiId }))).rejects.toMatchObject(denied);
    await expect(
      platform.apigateway.send(
        new UpdateRestApiCommand({ restApiId, patchOperations: [{ op: "replace", path: "/policy", value: "{}" }] }),
      ),
    ).rejects.toMatchObject(denied);
    await expect(
      platform.apigateway.send(
        new CreateResourceCommand({ restApiId, parentId: items[0]?.id ?? "", pathPart: "backdoor" }),
      ),
    ).rejects.toMatchObject(denied);
    const apiArn = `arn:aws:apigateway:eu-west-1::/restapis/${restApiId}`;
    await expect(
      platform.apigateway.send(
        new TagResourceCommand({ resourceArn: apiArn, tags: { [managedTag.Key]: managedTag.Value } }),
      ),
    ).rejects.toMatchObject({ name: "AccessDeniedException" });

    const unchanged = await platformTeam.apigateway.send(new GetRestApiCommand({ restApiId }));
    expect(unchanged).toMatchObject({ name: "team-api", tags: {} });
  });
});
