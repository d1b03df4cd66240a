import { GetRestApiCommand } from "@aws-sdk/client-api-gateway";
import { DescribeVpcEndpointsCommand, DescribeVpcEndpointServicePermissionsCommand } from "@aws-sdk/client-ec2";
import { DescribeLoadBalancersCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../server";
import { assumeDemoRole, chinaRoles, type RoleClients } from "../testing/demo-roles";
import { aliasHost, invokePrivateApi } from "../testing/invoke-private-api";
import { discoverHub, exposeRemoteService, findServiceLoadBalancer, shareLoadBalancer } from "../testing/link-chain";

// The built-in China landscape (`--landscape china`) as the portal sees it through the SDK: every identifier the
// simulator hands out is in the aws-cn partition, every name under amazonaws.com.cn.

const beijing = "cn-north-1";
let sim: RunningSimulator;
let platform: RoleClients;
let application: RoleClients;

beforeAll(async () => {
  sim = await startSimulator({ profile: "instant", landscapeFile: "china" });
  platform = await assumeDemoRole(sim, chinaRoles.platform, beijing);
  application = await assumeDemoRole(sim, chinaRoles.application, beijing);
});

afterAll(async () => {
  await sim.close();
});

describe("the China landscape", () => {
  it("gives the portal an aws-cn identity whose assumed-role sessions are aws-cn ARNs", async () => {
    const portal = new STSClient({ region: beijing, endpoint: sim.url, credentials: sim.portalCredentials });
    expect((await portal.send(new GetCallerIdentityCommand({}))).Arn).toBe(
      "arn:aws-cn:sts::300000000001:assumed-role/gatehouse-portal/gatehouse",
    );
    const { AssumedRoleUser } = await portal.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws-cn:iam::${chinaRoles.platform.accountId}:role/GatehouseProvisioner`,
        RoleSessionName: "china",
        ExternalId: chinaRoles.platform.externalId,
      }),
    );
    expect(AssumedRoleUser?.Arn).toBe(
      `arn:aws-cn:sts::${chinaRoles.platform.accountId}:assumed-role/GatehouseProvisioner/china`,
    );
    await expect(
      portal.send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${chinaRoles.platform.accountId}:role/GatehouseProvisioner`,
          RoleSessionName: "wrong-partition",
          ExternalId: chinaRoles.platform.externalId,
        }),
      ),
    ).rejects.toThrow();
  });

  it("puts a hub with the execute-api endpoint as AWS China names it in Beijing and in Ningxia", async () => {
    for (const [role, region] of [
      [chinaRoles.platform, beijing],
      [chinaRoles.ningxiaPlatform, "cn-northwest-1"],
    ] as const) {
      const clients = region === beijing ? platform : await assumeDemoRole(sim, role, region);
      const hub = await discoverHub(clients);
      expect(hub.zones.every((zone) => zone.startsWith(region))).toBe(true);
      const { VpcEndpoints = [] } = await clients.ec2.send(
        new DescribeVpcEndpointsCommand({ VpcEndpointIds: [hub.executeApiEndpointId] }),
      );
      expect(VpcEndpoints[0]?.ServiceName).toBe(`cn.com.amazonaws.${region}.execute-api`);
      const names = (VpcEndpoints[0]?.DnsEntries ?? []).map((entry) => entry.DnsName ?? "");
      expect(names.length).toBeGreaterThan(0);
      expect(names.filter((name) => !name.endsWith(".amazonaws.com.cn"))).toEqual([]);
    }
  });

  it("answers with ELBv2 ARNs and DNS names, and endpoint service names, of the China partition", async () => {
    const loadBalancerArn = await findServiceLoadBalancer(application, "payments/checkout-api");
    expect(loadBalancerArn).toMatch(/^arn:aws-cn:elasticloadbalancing:cn-north-1:322222222222:loadbalancer\/net\//);
    const { LoadBalancers = [] } = await application.elb.send(
      new DescribeLoadBalancersCommand({ LoadBalancerArns: [loadBalancerArn] }),
    );
    expect(LoadBalancers[0]?.DNSName).toMatch(/\.elb\.cn-north-1\.amazonaws\.com\.cn$/);

    const { serviceId, serviceName } = await shareLoadBalancer(
      application,
      loadBalancerArn,
      chinaRoles.platform.accountId,
    );
    expect(serviceName).toMatch(/^cn\.com\.amazonaws\.vpce\.cn-north-1\.vpce-svc-[0-9a-f]{17}$/);
    const { AllowedPrincipals = [] } = await application.ec2.send(
      new DescribeVpcEndpointServicePermissionsCommand({ ServiceId: serviceId }),
    );
    expect(AllowedPrincipals.map((allowed) => allowed.Principal)).toEqual(["arn:aws-cn:iam::311111111111:root"]);
  });

  it("reaches the Shanghai datacenter through a private API whose alias is under amazonaws.com.cn", async () => {
    const hub = await discoverHub(platform);
    const ledger = { name: "gh-ledger-cn", ip: "10.60.12.34", port: 8080, backendHost: "ledger.dc-shanghai.corp" };
    const { apiId } = await exposeRemoteService(platform, hub, { ...ledger, mode: "v2" });
    const host = aliasHost(apiId, hub.executeApiEndpointId, beijing);
    expect(host).toBe(`${apiId}-${hub.executeApiEndpointId}.execute-api.cn-north-1.amazonaws.com.cn`);
    const answer = await invokePrivateApi(sim, { host, path: "/prod/accounts/7/balance" });
    expect(answer.status, answer.body).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ service: "ledger-service", address: "10.60.12.34:8080" });
    // Saved with the short form expanded to the API's ARN in the China partition, as API Gateway does.
    const { policy } = await platform.apigateway.send(new GetRestApiCommand({ restApiId: apiId }));
    expect(policy).toContain(`arn:aws-cn:execute-api:cn-north-1:${chinaRoles.platform.accountId}:${apiId}/*`);
    expect(policy).not.toContain("execute-api:/");
  });
});
