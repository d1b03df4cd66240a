import {
  CreateResourceCommand,
  GetResourcesCommand,
  PutMethodCommand,
  PutRestApiCommand,
  type Resource,
} from "@aws-sdk/client-api-gateway";
import { done, type StepContext } from "../engine/step-runtime";
import { documentMethods, openApiForExposure } from "../openapi-for-exposure";
import { chainWiring } from "../verify/integration-drift";
import { putChainIntegration } from "./chain-integration";
import type { Hop } from "./hop";
import { loadBalancerAwaitActive } from "./load-balancer-await-active";
import { loadBalancerCreate } from "./load-balancer-create";
import { restApiCreate } from "./rest-api-create";
import { vpcLinkAwaitAvailable } from "./vpc-link-await-available";
import { vpcLinkCreate } from "./vpc-link-create";

// ANY / and ANY /{proxy+}, each an HTTP_PROXY integration over the VPC link to the platform NLB; or, when the team
// chose to build the API from its OpenAPI document, the document's paths and verbs imported with PutRestApi, each
// method an HTTP_PROXY integration over the same link to the backend's same path. `probe*` is the method the chain's
// test invoke calls; `proxyResourceId` is empty for an API built from a document (it has no {proxy+}).

type RoutesOutputs = {
  rootResourceId: string;
  proxyResourceId: string;
  probeResourceId: string;
  probePath: string;
  methods: string[];
};

const anyMethods = ["ANY /", "ANY /{proxy+}"];

function linkOf(context: StepContext) {
  const v2 = context.output(vpcLinkCreate, "version") === "v2";
  return {
    vpcLinkId: context.output(vpcLinkCreate, "vpcLinkId"),
    integrationTarget: v2 ? context.output(loadBalancerCreate, "loadBalancerArn") : undefined,
  };
}

async function importDocument(context: StepContext, restApiId: string, document: string, host: string) {
  const body = openApiForExposure(document, linkOf(context), { host, port: context.exposure.source.port });
  await context.platform.apiGateway.send(
    new PutRestApiCommand({
      restApiId,
      mode: "overwrite",
      failOnWarnings: true,
      body: new TextEncoder().encode(JSON.stringify(body)),
    }),
  );
  const { items = [] } = await context.platform.apiGateway.send(new GetResourcesCommand({ restApiId, limit: 500 }));
  const withMethods = items.filter((resource: Resource) => Object.keys(resource.resourceMethods ?? {}).length > 0);
  const probe = withMethods.find((resource) => !resource.path?.includes("{")) ?? withMethods[0];
  const root = items.find((resource) => resource.path === "/");
  if (!probe?.id || !root?.id) throw new Error(`REST API ${restApiId} has no method after the import`);
  return done<RoutesOutputs>({
    rootResourceId: root.id,
    proxyResourceId: "",
    probeResourceId: probe.id,
    probePath: probe.path ?? "/",
    methods: documentMethods(document),
  });
}

export const restApiRoutes: Hop<"restApi.routes", RoutesOutputs> = {
  id: "restApi.routes",
  account: "platform",
  calls: [
    "apigateway:GetResources",
    "apigateway:CreateResource {proxy+}",
    "apigateway:PutMethod ANY",
    "apigateway:PutIntegration HTTP_PROXY via VPC link",
    "apigateway:PutRestApi (API built from the OpenAPI document)",
  ],
  place: (exposure, hub) => ({
    dependsOn:
      hub.linkMode === "v1"
        ? [restApiCreate, vpcLinkAwaitAvailable]
        : [restApiCreate, vpcLinkAwaitAvailable, loadBalancerAwaitActive],
    inputs: {
      methods: exposure.openApiDocument ? documentMethods(exposure.openApiDocument) : anyMethods,
      integration: "HTTP_PROXY over the VPC link",
      uri: `http://${exposure.backendHost ?? "<platform NLB DNS name>"}:${exposure.source.port}/${exposure.openApiDocument ? "<the method's path>" : "{proxy}"}`,
    },
  }),
  async run(context) {
    const { apiGateway } = context.platform;
    const restApiId = context.output(restApiCreate, "restApiId");
    const host = context.exposure.backendHost ?? context.output(loadBalancerCreate, "dnsName");
    if (context.exposure.openApiDocument)
      return importDocument(context, restApiId, context.exposure.openApiDocument, host);
    const { items } = await apiGateway.send(new GetResourcesCommand({ restApiId, limit: 500 }));
    const root = items?.find((resource) => resource.path === "/");
    if (!root?.id) throw new Error(`REST API ${restApiId} has no root resource`);
    const proxy =
      items?.find((resource) => resource.path === "/{proxy+}") ??
      (await context.platform.apiGatewayOnce.send(
        new CreateResourceCommand({ restApiId, parentId: root.id, pathPart: "{proxy+}" }),
      ));
    if (!proxy.id) throw new Error("API Gateway returned no {proxy+} resource");
    const wiring = chainWiring({ host, port: context.exposure.source.port, ...linkOf(context) });
    for (const [resourceId, greedy] of [
      [root.id, false],
      [proxy.id, true],
    ] as const) {
      const method = { restApiId, resourceId, httpMethod: "ANY" };
      await apiGateway.send(
        new PutMethodCommand({
          ...method,
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
    return done({
      rootResourceId: root.id,
      proxyResourceId: proxy.id,
      probeResourceId: root.id,
      probePath: "/",
      methods: anyMethods,
    });
  },
};
