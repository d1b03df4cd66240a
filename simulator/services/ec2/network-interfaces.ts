import { nextFreeIp } from "../../core/cidr";
import type { SimulatorRuntime } from "../../core/service";
import type { NetworkInterface, Subnet } from "../../model/network";
import { AwsError } from "../../core/aws-error";

/** Creates an ENI in a subnet with the next free IP of its CIDR; used by endpoints, load balancers and VPC links. */
export function allocateNetworkInterface(
  sim: SimulatorRuntime,
  input: {
    accountId: string;
    region: string;
    subnetId: string;
    description: string;
    interfaceType: NetworkInterface["interfaceType"];
    attachedTo?: string;
    securityGroupIds?: string[];
    privateIpAddress?: string;
  },
): NetworkInterface {
  const subnets = sim.world.collection<Subnet>("ec2.subnet");
  const subnet = subnets.get(input.subnetId);
  if (!subnet || subnet.accountId !== input.accountId)
    throw new AwsError("InvalidSubnetID.NotFound", `The subnet ID '${input.subnetId}' does not exist`);
  const ip = input.privateIpAddress ?? nextFreeIp(subnet.cidrBlock, new Set(subnet.allocatedIps));
  if (!ip)
    throw new AwsError(
      "InsufficientFreeAddressesInSubnet",
      `There are not enough free addresses in subnet '${subnet.id}' to satisfy the requested number of instances.`,
    );
  subnet.allocatedIps.push(ip);
  const now = sim.now();
  return sim.world.collection<NetworkInterface>("ec2.networkInterface").put({
    id: `eni-${sim.random.hex(17)}`,
    accountId: input.accountId,
    region: input.region,
    createdAt: now,
    visibleAt: now,
    tags: {},
    vpcId: subnet.vpcId,
    subnetId: subnet.id,
    availabilityZone: subnet.availabilityZone,
    privateIpAddress: ip,
    description: input.description,
    interfaceType: input.interfaceType,
    requesterManaged: input.interfaceType !== "interface",
    status: "in-use",
    attachedTo: input.attachedTo,
    securityGroupIds: input.securityGroupIds ?? [],
  });
}

/** Releases ENIs (their IPs return to the subnet). */
export function releaseNetworkInterfaces(sim: SimulatorRuntime, ids: readonly string[]): void {
  const interfaces = sim.world.collection<NetworkInterface>("ec2.networkInterface");
  const subnets = sim.world.collection<Subnet>("ec2.subnet");
  for (const id of ids) {
    const eni = interfaces.get(id);
    if (!eni) continue;
    const subnet = subnets.get(eni.subnetId);
    if (subnet) subnet.allocatedIps = subnet.allocatedIps.filter((ip) => ip !== eni.privateIpAddress);
    interfaces.delete(id);
  }
}
