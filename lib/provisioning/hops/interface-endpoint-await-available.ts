import { DescribeNetworkInterfacesCommand, DescribeVpcEndpointsCommand } from "@aws-sdk/client-ec2";
import { done, PermanentStepError, wait } from "../engine/step-runtime";
import type { Hop } from "./hop";
import { interfaceEndpointAccept } from "./interface-endpoint-accept";
import { interfaceEndpointCreate } from "./interface-endpoint-create";
import { isEndpointDead, vpcEndpointStateOf } from "@/lib/aws/vpc-endpoint-state";

/** The endpoint's ENI IPs (the platform NLB's targets), with their zones and subnets in the same order. */
type EndpointAddresses = { ips: string[]; eniZones: string[]; eniSubnets: string[] };

export const interfaceEndpointAwaitAvailable: Hop<"interfaceEndpoint.awaitAvailable", EndpointAddresses> = {
  id: "interfaceEndpoint.awaitAvailable",
  account: "platform",
  calls: ["ec2:DescribeVpcEndpoints (until available)", "ec2:DescribeNetworkInterfaces"],
  place: (exposure) =>
    exposure.source.kind === "crossAccountNlb" ? { dependsOn: [interfaceEndpointAccept] } : undefined,
  async run(context) {
    const { ec2 } = context.platform;
    const endpointId = context.output(interfaceEndpointCreate, "endpointId");
    const { VpcEndpoints } = await ec2
      .send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [endpointId] }))
      .catch((error: Error) => {
        if (error.name === "InvalidVpcEndpointId.NotFound") return { VpcEndpoints: [] };
        throw error;
      });
    const endpoint = VpcEndpoints?.[0];
    const state = vpcEndpointStateOf(endpoint?.State);
    if (isEndpointDead(state) || state === "deleted") {
      throw new PermanentStepError(`Interface endpoint ${endpointId} is ${endpoint?.State}.`, undefined, {
        key: "failures.fix.endpointUnavailable",
      });
    }
    if (state !== "available" || !endpoint?.NetworkInterfaceIds?.length)
      return wait(`interface endpoint ${endpointId} is ${endpoint?.State ?? "not visible yet"}`, 15_000);
    const { NetworkInterfaces } = await ec2.send(
      new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: endpoint.NetworkInterfaceIds }),
    );
    const enis = (NetworkInterfaces ?? [])
      .filter((eni) => eni.PrivateIpAddress)
      .sort((a, b) => ((a.PrivateIpAddress ?? "") < (b.PrivateIpAddress ?? "") ? -1 : 1));
    // Zones and subnets line up with the IPs, for the topology's ENIs per zone.
    return done({
      ips: enis.map((eni) => eni.PrivateIpAddress ?? ""),
      eniZones: enis.map((eni) => eni.AvailabilityZone ?? ""),
      eniSubnets: enis.map((eni) => eni.SubnetId ?? ""),
    });
  },
};
