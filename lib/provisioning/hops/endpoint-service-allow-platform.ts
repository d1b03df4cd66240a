import { ModifyVpcEndpointServicePermissionsCommand } from "@aws-sdk/client-ec2";
import { done, type NoOutputs } from "../engine/step-runtime";
import { applicationClients } from "./application-account";
import { endpointServiceCreate } from "./endpoint-service-create";
import type { Hop } from "./hop";
import { accountRootArn } from "@/lib/aws/partition";

export const endpointServiceAllowPlatform: Hop<"endpointService.allowPlatform", NoOutputs> = {
  id: "endpointService.allowPlatform",
  account: "application",
  calls: ["ec2:ModifyVpcEndpointServicePermissions (AddAllowedPrincipals)"],
  place: (exposure, hub) =>
    exposure.source.kind === "crossAccountNlb"
      ? { dependsOn: [endpointServiceCreate], inputs: { principal: accountRootArn(hub.region, hub.accountId) } }
      : undefined,
  async run(context) {
    const { clients } = applicationClients(context);
    await clients.ec2.send(
      new ModifyVpcEndpointServicePermissionsCommand({
        ServiceId: context.output(endpointServiceCreate, "serviceId"),
        AddAllowedPrincipals: [accountRootArn(context.hub.region, context.hub.accountId)],
      }),
    );
    return done();
  },
};
