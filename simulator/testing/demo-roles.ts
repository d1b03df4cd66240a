import { APIGatewayClient } from "@aws-sdk/client-api-gateway";
import { ApiGatewayV2Client } from "@aws-sdk/client-apigatewayv2";
import { EC2Client } from "@aws-sdk/client-ec2";
import { ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { arn } from "../core/partition";
import type { RunningSimulator } from "../server";

// SDK clients acting through the demo landscape's cross-account roles, as the portal does: the portal identity
// assumes GatehouseProvisioner in the target account with that account's ExternalId.

export const demoRoles = {
  platform: { accountId: "111111111111", externalId: "gh-demo-platform-hub-7c1e" },
  application: { accountId: "222222222222", externalId: "gh-demo-payments-prod-3f9a" },
} as const;

/** The China landscape's accounts (simulator/landscape/china-landscape.json): Beijing (cn-north-1) and Ningxia. */
export const chinaRoles = {
  platform: { accountId: "311111111111", externalId: "gh-cn-platform-hub-bjs-41d2" },
  application: { accountId: "322222222222", externalId: "gh-cn-payments-prod-bjs-8b7e" },
  ningxiaPlatform: { accountId: "333333333333", externalId: "gh-cn-platform-hub-zhy-5a0c" },
} as const;

export type RoleClients = {
  ec2: EC2Client;
  elb: ElasticLoadBalancingV2Client;
  apigateway: APIGatewayClient;
  apigatewayv2: ApiGatewayV2Client;
};

export async function assumeDemoRole(
  sim: RunningSimulator,
  role: { accountId: string; externalId: string },
  region = "eu-west-1",
): Promise<RoleClients> {
  const sts = new STSClient({ region, endpoint: sim.url, credentials: sim.portalCredentials });
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({
      RoleArn: arn(region, "iam", role.accountId, "role/GatehouseProvisioner", ""),
      RoleSessionName: "walkthrough",
      ExternalId: role.externalId,
    }),
  );
  if (!Credentials?.AccessKeyId || !Credentials.SecretAccessKey)
    throw new Error(`AssumeRole into ${role.accountId} returned no credentials`);
  const credentials = {
    accessKeyId: Credentials.AccessKeyId,
    secretAccessKey: Credentials.SecretAccessKey,
    sessionToken: Credentials.SessionToken,
  };
  const config = { region, endpoint: sim.url, credentials, maxAttempts: 1 };
  return {
    ec2: new EC2Client(config),
    elb: new ElasticLoadBalancingV2Client(config),
    apigateway: new APIGatewayClient(config),
    apigatewayv2: new ApiGatewayV2Client(config),
  };
}
