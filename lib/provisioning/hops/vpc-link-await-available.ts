import { GetVpcLinkCommand } from "@aws-sdk/client-api-gateway";
import { GetVpcLinkCommand as GetVpcLinkV2Command } from "@aws-sdk/client-apigatewayv2";
import { done, PermanentStepError, wait, type NoOutputs } from "../engine/step-runtime";
import type { Hop } from "./hop";
import { vpcLinkCreate } from "./vpc-link-create";

export const vpcLinkAwaitAvailable: Hop<"vpcLink.awaitAvailable", NoOutputs> = {
  id: "vpcLink.awaitAvailable",
  account: "platform",
  calls: ["apigateway:GetVpcLink (until AVAILABLE)"],
  place: () => ({ dependsOn: [vpcLinkCreate] }),
  // A link in FAILED never leaves it: the retry starts again from the create, which replaces the link.
  retryFrom: vpcLinkCreate,
  async run(context) {
    const id = context.output(vpcLinkCreate, "vpcLinkId");
    const { status, message } =
      context.output(vpcLinkCreate, "version") === "v1"
        ? await context.platform.apiGateway
            .send(new GetVpcLinkCommand({ vpcLinkId: id }))
            .then((link) => ({ status: link.status, message: link.statusMessage }))
        : await context.platform.apiGatewayV2
            .send(new GetVpcLinkV2Command({ VpcLinkId: id }))
            .then((link) => ({ status: link.VpcLinkStatus, message: link.VpcLinkStatusMessage }));
    if (status === "AVAILABLE") return done();
    if (status === "FAILED") {
      throw new PermanentStepError(`VPC link ${id} FAILED: ${message ?? "no reason given"}`, "VpcLinkFailed", {
        key: "failures.fix.vpcLinkFailed",
      });
    }
    return wait(`VPC link ${id} is ${status ?? "unknown"}`, 15_000);
  },
};
