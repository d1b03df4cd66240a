import { CreateVpcEndpointCommand, CreateVpcEndpointServiceConfigurationCommand } from "@aws-sdk/client-ec2";
import type { Hub } from "../exposure";
import type { CheckList } from "./check-list";
import { managedTagSpecifications } from "@/lib/accounts/role-policy";
import type { AccountClients } from "@/lib/aws/client-factory";
import { executeApiServiceName } from "@/lib/aws/partition";

// The creates the run will make, asked with EC2 DryRun: the answer says whether the role may, without creating anything.

/** The platform role may create the interface endpoint in the hub VPC. */
export async function checkCreateInterfaceEndpoint(
  checks: CheckList,
  platform: AccountClients,
  hub: Hub,
): Promise<void> {
  await checks.permission("permission.createInterfaceEndpoint", "ec2:CreateVpcEndpoint", hub.accountId, () =>
    platform.ec2.send(
      new CreateVpcEndpointCommand({
        DryRun: true,
        VpcEndpointType: "Interface",
        VpcId: hub.vpcId,
        ServiceName: executeApiServiceName(hub.region),
        SubnetIds: hub.subnetIds,
        SecurityGroupIds: hub.securityGroupIds,
        TagSpecifications: managedTagSpecifications("vpc-endpoint"),
      }),
    ),
  );
}

/** The application role may create the endpoint service on its NLB. */
export async function checkCreateEndpointService(
  checks: CheckList,
  app: AccountClients,
  accountId: string,
  loadBalancerArn: string,
): Promise<void> {
  await checks.permission(
    "permission.createEndpointService",
    "ec2:CreateVpcEndpointServiceConfiguration",
    accountId,
    () =>
      app.ec2.send(
        new CreateVpcEndpointServiceConfigurationCommand({
          DryRun: true,
          AcceptanceRequired: true,
          NetworkLoadBalancerArns: [loadBalancerArn],
          TagSpecifications: managedTagSpecifications("vpc-endpoint-service"),
        }),
      ),
  );
}
