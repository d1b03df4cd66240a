import { CreateResourceCommand, GetResourcesCommand, PutMethodCommand } from "@aws-sdk/client-api-gateway";
import { done } from "../engine/step-runtime";
import { chainWiring } from "../verify/integration-drift";
import { putChainIntegration } from "./chain-integration";
import type { Hop } from "./hop";
import { loadBalancerAwaitActive } from "./load-balancer-await-active";
import { loadBalancerCreate } from "./load-balancer-create";
import { restApiCreate } from "./rest-api-create";
import { vpcLinkAwaitAvailable } from "./vpc-link-await-available";
import { vpcLinkCreate } from "./vpc-link-create";

// ANY / and ANY /{proxy+}, each an HTTP_PROXY integration over the VPC link to the platform NLB.

export const restApiRoutes: Hop<"restApi.routes", { rootResourceId: string; proxyResourceId: string }> = {
  id: "restApi.routes",
  account: "platform",
  calls: [
    "apigateway:GetResources",
    "apigateway:CreateResource {proxy+}",
    "apigateway:PutMethod ANY",
    "apigateway:PutIntegration HTTP_PROXY via VPC link",
  ],
  place: (exposure, hub) => ({
    dependsOn:
      hub.linkMode === "v1"
        ? [restApiCreate, vpcLinkAwaitAvailable]
        : [restApiCreate, vpcLinkAwaitAvailable, loadBalancerAwaitActive],
    inputs: {
      methods: ["ANY /", "ANY /{proxy+}"],
      integration: "HTTP_PROXY over the VPC link",
      uri: `http://${exposure.backendHost ?? "<platform NLB DNS name>"}:${exposure.source.port}/{proxy}`,
    },
  }),
  async run(context) {
    const { apiGateway } = context.platform;
    const restApiId = context.output(restApiCreate, "restApiId");
    const { items } = await apiGateway.send(new GetResourcesCommand({ restApiId, limit: 500 }));
    const root = items?.find((resource) => resource.path === "/");
    if (!root?.id) throw new Error(`REST API ${restApiId} has no root resource`);
    const proxy =
      items?.find((resource) => resource.path === "/{proxy+}") ??
      (await context.platform.apiGatewayOnce.send(
        new CreateResourceCommand({ restApiId, parentId: root.id, pathPart: "{proxy+}" }),
      ));
    if (!proxy.id) throw new Error("API Gateway returned no {proxy+} resource");
    const wiring = chainWiring({
      host: context.exposure.backendHost ?? context.output(loadBalancerCreate, "dnsName"),
      port: context.exposure.source.port,
      vpcLinkId: context.output(vpcLinkCreate, "vpcLinkId"),
      integrationTarget:
        context.output(vpcLinkCreate, "version") === "v2"
          ? context.output(loadBalancerCreate, "loadBalancerArn")
          : undefined,
    });
    for (const [resourceId, greedy] of [
      [root.id, false],
      [proxy.id, true],
    ] as const) {
      await apiGateway.send(
        new PutMethodCommand({
          restApiId,
          resourceId,
          httpMethod: "ANY",
          authorizationType: "NONE",
          requestParameters: greedy ? { "method.request.path.proxy": true } : undefined,
        }),
      );
      await putChainIntegration(apiGateway, {
        restApiId,
        resourceId,
        greedy,
        wiring: wiring[greedy ? "/{proxy+}" : "/"],
      });
    }
    return done({ rootResourceId: root.id, proxyResourceId: proxy.id });
  },
};
