import { readFileSync } from "node:fs";
import { cidrContains } from "../core/cidr";
import { rolePolicyDocument } from "../../lib/accounts/role-policy";
import { arn, partitionOf } from "../core/partition";
import { allowActions } from "../core/policy-evaluation";
import type { SimulatorRuntime } from "../core/service";
import type { World } from "../core/world";
import type { Backend } from "../model/backends";
import type { Subnet } from "../model/network";
import { applyLoadBalancers } from "./apply-load-balancers";
import { applyNetwork, type NetworkIndex } from "./apply-network";
import { landscapeSchema, type Landscape, type LandscapeBackend } from "./landscape-schema";

export function readLandscape(file: string): Landscape {
  const parsed = landscapeSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    throw new Error(
      `Invalid landscape ${file}: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`,
    );
  }
  return parsed.data;
}

/**
 * Creates the landscape in an empty world: accounts, the portal identity, the cross-account roles, each account's
 * network and load balancers, and the backends' records (their servers start with the simulator).
 */
export function applyLandscape(sim: SimulatorRuntime, landscape: Landscape): void {
  applyIdentities(sim.world, landscape);
  const networks = landscape.accounts.map((account) => ({ account, index: applyNetwork(sim, account) }));
  for (const { account, index } of networks) applyLoadBalancers(sim, account, index);
  for (const backend of landscape.backends)
    putBackend(
      sim,
      backend,
      networks.map(({ index }) => index),
    );
  sim.world.changed();
}

function applyIdentities(world: World, landscape: Landscape): void {
  const { portal } = landscape;
  const portalRegion = landscape.accounts[0]?.region ?? "us-east-1";
  const partition = partitionOf(portalRegion);
  world.data.accessKeys[portal.accessKeyId] = {
    accessKeyId: portal.accessKeyId,
    secretAccessKey: portal.secretAccessKey,
    accountId: portal.accountId,
    arn: `arn:${partition}:sts::${portal.accountId}:assumed-role/${portal.roleName}/gatehouse`,
    policies: [allowActions(["sts:AssumeRole"])],
  };
  for (const account of landscape.accounts) {
    world.data.accounts[account.accountId] = {
      accountId: account.accountId,
      alias: account.alias,
      partition: partitionOf(account.region),
      availabilityZones: { [account.region]: account.availabilityZones },
    };
    for (const { gatehousePolicy, ...role } of account.roles) {
      const roleArn = arn(account.region, "iam", account.accountId, `role/${role.name}`, "");
      const target = {
        partition: partitionOf(account.region),
        accountId: account.accountId,
        regions: [account.region],
      };
      world.data.roles[roleArn] = {
        ...role,
        arn: roleArn,
        accountId: account.accountId,
        policies: [rolePolicyDocument(gatehousePolicy, target)],
      };
    }
  }
}

/** Where a backend stands: a VPC by name, or a remote network behind one of the transit gateways. */
function locate(networks: NetworkIndex[], name: string): { network: string; accountId: string; region: string } {
  for (const index of networks) {
    const vpc = index.vpcs.get(name);
    if (vpc) return { network: vpc.id, accountId: vpc.accountId, region: vpc.region };
    for (const gateway of index.transitGateways.values()) {
      if (gateway.remoteNetworks.some((remote) => remote.name === name))
        return { network: name, accountId: gateway.accountId, region: gateway.region };
    }
  }
  throw new Error(`landscape: backend network "${name}" is neither a VPC nor a remote network of a transit gateway`);
}

function putBackend(sim: SimulatorRuntime, declared: LandscapeBackend, networks: NetworkIndex[]): Backend {
  const where = locate(networks, declared.network);
  const now = sim.now();
  // Keep the backend's IP out of the ENI allocator, as the pod's node already holds it.
  const subnet = sim.world
    .collection<Subnet>("ec2.subnet")
    .all()
    .find((candidate) => candidate.vpcId === where.network && cidrContains(candidate.cidrBlock, declared.ip));
  subnet?.allocatedIps.push(declared.ip);
  return sim.world.collection<Backend>("landscape.backend").put({
    id: `backend-${declared.name}`,
    accountId: where.accountId,
    region: where.region,
    createdAt: now,
    visibleAt: now,
    tags: {},
    name: declared.name,
    ip: declared.ip,
    port: declared.port,
    network: where.network,
    answer: declared.answer,
  });
}
