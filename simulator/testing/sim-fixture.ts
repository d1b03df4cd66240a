import { randomBytes } from "node:crypto";
import { APIGatewayClient } from "@aws-sdk/client-api-gateway";
import { ApiGatewayV2Client } from "@aws-sdk/client-apigatewayv2";
import { EC2Client } from "@aws-sdk/client-ec2";
import { ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { STSClient } from "@aws-sdk/client-sts";
import { allowActions } from "../core/policy-evaluation";
import { startSimulator, type RunningSimulator, type StartSimulatorOptions } from "../server";
import { putRouteTable, putSecurityGroup, putSubnet, putVpc } from "../landscape/network-records";

// Test helpers: a simulator on a free port with the demo accounts, real SDK v3 clients for any account with any
// allow-list of actions, and a small network to build on.

export const platformAccount = "111111111111";
export const applicationAccount = "222222222222";
export const region = "eu-west-1";

export type Clients = {
  ec2: EC2Client;
  elb: ElasticLoadBalancingV2Client;
  apigateway: APIGatewayClient;
  apigatewayv2: ApiGatewayV2Client;
  sts: STSClient;
  arn: string;
};

export async function startTestSimulator(options: StartSimulatorOptions = {}) {
  const sim = await startSimulator({ profile: "instant", ...options });
  return {
    sim,
    clientsFor: (accountId: string, allowedActions: string[] = ["*"]) => clientsFor(sim, accountId, allowedActions),
  };
}

/** A fresh access key of a TestRole session in `accountId`, allowed `allowedActions`. */
export function testCredentials(sim: RunningSimulator, accountId: string, allowedActions: string[] = ["*"]) {
  const accessKeyId = `AKIATEST${randomBytes(6).toString("hex").toUpperCase()}`;
  const arn = `arn:aws:sts::${accountId}:assumed-role/TestRole/${accessKeyId}`;
  const secretAccessKey = "test-secret";
  sim.runtime.world.data.accessKeys[accessKeyId] = {
    accessKeyId,
    secretAccessKey,
    accountId,
    arn,
    policies: [allowActions(allowedActions)],
  };
  return { accessKeyId, secretAccessKey, arn };
}

export function clientsFor(sim: RunningSimulator, accountId: string, allowedActions: string[] = ["*"]): Clients {
  const { accessKeyId, secretAccessKey, arn } = testCredentials(sim, accountId, allowedActions);
  const config = { region, endpoint: sim.url, credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 };
  return {
    ec2: new EC2Client(config),
    elb: new ElasticLoadBalancingV2Client(config),
    apigateway: new APIGatewayClient(config),
    apigatewayv2: new ApiGatewayV2Client(config),
    sts: new STSClient(config),
    arn,
  };
}

/** A VPC with two private subnets in two zones, a security group and a main route table. */
export function buildNetwork(sim: RunningSimulator, accountId: string, cidrPrefix = "10.10") {
  const runtime = sim.runtime;
  const vpc = putVpc(runtime, { accountId, region, cidrBlock: `${cidrPrefix}.0.0/16` });
  const subnets = [
    putSubnet(runtime, { vpc, cidrBlock: `${cidrPrefix}.1.0/24`, zoneName: `${region}a` }),
    putSubnet(runtime, { vpc, cidrBlock: `${cidrPrefix}.2.0/24`, zoneName: `${region}b` }),
  ];
  const securityGroup = putSecurityGroup(runtime, { vpc, groupName: "default" });
  const routeTable = putRouteTable(runtime, { vpc, subnetIds: subnets.map((subnet) => subnet.id), main: true });
  return { vpc, subnets, securityGroup, routeTable };
}
