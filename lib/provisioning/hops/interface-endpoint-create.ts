import {
  CreateVpcEndpointCommand,
  DescribeSubnetsCommand,
  DescribeVpcEndpointServicesCommand,
  DescribeVpcEndpointsCommand,
} from "@aws-sdk/client-ec2";
import { done, PermanentStepError, wait, type StepContext } from "../engine/step-runtime";
import { ec2Tags } from "./application-account";
import { endpointServiceAllowPlatform } from "./endpoint-service-allow-platform";
import { endpointServiceCreate } from "./endpoint-service-create";
import type { Hop } from "./hop";
import { interfaceEndpointDelete } from "./interface-endpoint-delete";
import { clientToken } from "./resource-names";
import { isEndpointGone, vpcEndpointStateOf } from "@/lib/aws/vpc-endpoint-state";

// Scenario A: the interface endpoint in the hub VPC, in the zones the endpoint service is offered in.

async function subnetsInServiceZones(context: StepContext, serviceName: string): Promise<string[] | undefined> {
  const { ec2 } = context.platform;
  const services = await ec2
    .send(new DescribeVpcEndpointServicesCommand({ ServiceNames: [serviceName] }))
    .catch((error: Error) => {
      if (error.name === "InvalidServiceName") return undefined;
      throw error;
    });
  const service = services?.ServiceDetails?.[0];
  const zones = service?.AvailabilityZones;
  if (!zones) return undefined;
  const { Subnets = [] } = await ec2.send(new DescribeSubnetsCommand({ SubnetIds: context.hub.subnetIds }));
  const chosen = new Map<string, string>();
  for (const subnet of Subnets) {
    if (
      subnet.SubnetId &&
      subnet.AvailabilityZone &&
      zones.includes(subnet.AvailabilityZone) &&
      !chosen.has(subnet.AvailabilityZone)
    )
      chosen.set(subnet.AvailabilityZone, subnet.SubnetId);
  }
  if (chosen.size === 0) {
    // Zone names differ between accounts (the team's eu-west-1b may be our eu-west-1c); zone IDs do not.
    const serviceZones = (service.AvailabilityZoneIds ?? zones).join(", ");
    const hubZones = [...new Set(Subnets.map((subnet) => subnet.AvailabilityZoneId ?? subnet.AvailabilityZone))].join(
      ", ",
    );
    throw new PermanentStepError(
      `The endpoint service is offered only in zone ${serviceZones} (${zones.join(", ")} as the platform account names it), where the hub has no subnet; the hub's subnets are in ${hubZones}.`,
      "InvalidParameter",
      { key: "failures.fix.zoneMismatch", values: { hubZones, serviceZones } },
    );
  }
  return [...chosen.values()];
}

export const interfaceEndpointCreate: Hop<"interfaceEndpoint.create", { endpointId: string }> = {
  id: "interfaceEndpoint.create",
  account: "platform",
  calls: ["ec2:DescribeVpcEndpointServices (allowed zones)", "ec2:CreateVpcEndpoint (Interface, ClientToken)"],
  creates: "interface VPC endpoint",
  place: (exposure, hub) =>
    exposure.source.kind === "crossAccountNlb"
      ? {
          dependsOn: [endpointServiceAllowPlatform],
          inputs: {
            vpcId: hub.vpcId,
            subnetIds: hub.subnetIds,
            securityGroupIds: hub.securityGroupIds,
            clientToken: "one per run and step",
          },
        }
      : undefined,
  teardown: interfaceEndpointDelete,
  async run(context) {
    const { ec2 } = context.platform;
    const existing = await ec2.send(
      new DescribeVpcEndpointsCommand({ Filters: [{ Name: "tag:gatehouse:request-id", Values: [context.requestId] }] }),
    );
    const found = existing.VpcEndpoints?.find((endpoint) => !isEndpointGone(vpcEndpointStateOf(endpoint.State)));
    let endpointId = found?.VpcEndpointId;
    if (!endpointId) {
      const serviceName = context.output(endpointServiceCreate, "serviceName");
      const subnetIds = await subnetsInServiceZones(context, serviceName);
      // Right after the provider allows us, the service can take a moment to become visible to our account.
      if (!subnetIds) return wait(`endpoint service ${serviceName} is not visible to the platform account yet`, 5_000);
      const created = await ec2.send(
        new CreateVpcEndpointCommand({
          VpcEndpointType: "Interface",
          VpcId: context.hub.vpcId,
          ServiceName: serviceName,
          SubnetIds: subnetIds,
          SecurityGroupIds: context.hub.securityGroupIds,
          PrivateDnsEnabled: false,
          ClientToken: clientToken(context.runId, "interfaceEndpoint.create"),
          TagSpecifications: ec2Tags(context, "vpc-endpoint"),
        }),
      );
      endpointId = created.VpcEndpoint?.VpcEndpointId;
    }
    if (!endpointId) throw new Error("EC2 returned no VPC endpoint");
    await context.recordResource({ kind: "vpc-endpoint", identifier: endpointId, accountId: context.hub.accountId });
    return done({ endpointId });
  },
};
