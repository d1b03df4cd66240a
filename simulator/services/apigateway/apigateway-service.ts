import { apiGatewayAuthorization } from "./apigateway-authorization";
import type { RestService } from "../../core/service";
import { apiGatewayErrors } from "./apigateway-errors";
import { deploymentRoutes } from "./deployments";
import { putRestApiRoute } from "./put-rest-api";
import { resourceRoutes } from "./resources";
import { restApiRoutes } from "./rest-apis";
import { tagAndTestInvokeRoutes } from "./tags-and-test-invoke";
import { vpcLinkRoutes } from "./vpc-links";

export const apiGatewayService: RestService = {
  protocol: "restJson",
  signingName: "apigateway",
  pathPrefix: "",
  throttleNamespace: "apigateway",
  errors: apiGatewayErrors,
  authorization: apiGatewayAuthorization,
  routes: [
    ...restApiRoutes,
    putRestApiRoute,
    ...resourceRoutes,
    ...deploymentRoutes,
    ...vpcLinkRoutes,
    ...tagAndTestInvokeRoutes,
  ],
};
