import type { CallContext, RestRoute } from "../../core/service";

/** How one API Gateway version (REST v1, HTTP v2) creates, lists, shows and deletes its VPC links. */
export type VpcLinkOperations = {
  create: RestRoute["handle"];
  /** The body of the list answer (`{ item }` in v1, `{ items }` in v2). */
  list(context: CallContext): unknown;
  show(context: CallContext, vpcLinkId: string): unknown;
  remove: RestRoute["handle"];
};

/** The VPC link routes: the same paths, operation names and IAM actions in API Gateway v1 and v2. */
export function vpcLinkRoutesFor(operations: VpcLinkOperations): RestRoute[] {
  return [
    {
      method: "POST",
      path: "/vpclinks",
      operation: "CreateVpcLink",
      action: "apigateway:POST",
      handle: operations.create,
    },
    {
      method: "GET",
      path: "/vpclinks",
      operation: "GetVpcLinks",
      action: "apigateway:GET",
      handle: (context) => ({ status: 200, body: operations.list(context) }),
    },
    {
      method: "GET",
      path: "/vpclinks/{vpcLinkId}",
      operation: "GetVpcLink",
      action: "apigateway:GET",
      handle: (context, request) => ({
        status: 200,
        body: operations.show(context, request.pathParams.vpcLinkId ?? ""),
      }),
    },
    {
      method: "DELETE",
      path: "/vpclinks/{vpcLinkId}",
      operation: "DeleteVpcLink",
      action: "apigateway:DELETE",
      handle: operations.remove,
    },
  ];
}
