import { DeleteVpcLinkCommand, GetVpcLinkCommand } from "@aws-sdk/client-api-gateway";
import {
  DeleteVpcLinkCommand as DeleteVpcLinkV2Command,
  GetVpcLinkCommand as GetVpcLinkV2Command,
} from "@aws-sdk/client-apigatewayv2";
import type { StepContext } from "../engine/step-runtime";

// The two kinds of VPC link behind one pair of operations: a REST (v1) link to the platform NLB, or the hub's shared
// API Gateway v2 link.

export type LinkVersion = "v1" | "v2";

const notFound = (error: Error) => {
  if (error.name !== "NotFoundException") throw error;
  return undefined;
};

/** A link's status (undefined when it is gone) and its deletion, for either kind of link. */
export function linkApi(context: StepContext, version: LinkVersion) {
  const { apiGateway, apiGatewayV2 } = context.platform;
  return version === "v1"
    ? {
        status: (id: string) =>
          apiGateway.send(new GetVpcLinkCommand({ vpcLinkId: id })).then((link) => link.status, notFound),
        remove: (id: string) => apiGateway.send(new DeleteVpcLinkCommand({ vpcLinkId: id })).catch(notFound),
      }
    : {
        status: (id: string) =>
          apiGatewayV2.send(new GetVpcLinkV2Command({ VpcLinkId: id })).then((link) => link.VpcLinkStatus, notFound),
        remove: (id: string) => apiGatewayV2.send(new DeleteVpcLinkV2Command({ VpcLinkId: id })).catch(notFound),
      };
}

/** A link that is neither FAILED (it never recovers) nor on its way out: one a hop may reuse. */
export const isLiveLinkStatus = (status: string | undefined) =>
  status !== undefined && status !== "FAILED" && status !== "DELETING";

/**
 * A link AWS put in FAILED never becomes AVAILABLE, and AWS's remedy is to delete it and create another. True when the
 * link is usable; otherwise it is deleted (when FAILED) and the caller forgets it.
 */
export async function isUsableLink(context: StepContext, version: LinkVersion, id: string): Promise<boolean> {
  const links = linkApi(context, version);
  const status = await links.status(id);
  if (isLiveLinkStatus(status)) return true;
  if (status === "FAILED") await links.remove(id);
  return false;
}

/** When a retry runs this step again, the FAILED link it recorded (or one already deleting or gone) is forgotten. */
export async function forgetFailedLink(context: StepContext, version: LinkVersion): Promise<StepContext> {
  const recorded = context.previous.vpcLinkId;
  if (typeof recorded !== "string" || (await isUsableLink(context, version, recorded))) return context;
  const previous = Object.fromEntries(
    Object.entries(context.previous).filter(([key]) => key !== "vpcLinkId" && key !== "vpcLinkIdAttemptedAt"),
  );
  return { ...context, previous };
}
