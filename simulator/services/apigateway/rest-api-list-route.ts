import type { RestRoute } from "../../core/service";
import type { RestApi } from "../../model/apigateway";
import { restApiOf } from "./apigateway-records";

/** A GET route listing one collection of a REST API (its resources, deployments, stages) as `{ item: [...] }`. */
export function restApiListRoute(collection: string, operation: string, items: (api: RestApi) => unknown[]): RestRoute {
  return {
    method: "GET",
    path: `/restapis/{restApiId}/${collection}`,
    operation,
    action: "apigateway:GET",
    handle: (context, request) => ({
      status: 200,
      body: { item: items(restApiOf(context, request.pathParams.restApiId ?? "")) },
    }),
  };
}
