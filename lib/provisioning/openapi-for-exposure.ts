import { parse } from "yaml";

// An exposure built from its OpenAPI document instead of ANY /{proxy+}: the document as API Gateway's import
// (PutRestApi) reads it. Every path and verb gets an `x-amazon-apigateway-integration` of type http_proxy over the
// VPC link (connectionType VPC_LINK, connectionId; integrationTarget = the NLB for a V2 link) to the backend URI of
// the same path, with each path parameter mapped from the method request to the integration request
// (API Gateway developer guide: "x-amazon-apigateway-integration object" and "Set up API Gateway private integrations").

const verbs = ["get", "put", "post", "delete", "options", "head", "patch"];

export type VpcLinkTarget = { vpcLinkId: string; integrationTarget?: string };
export type Backend = { host: string; port: number };

type PathItem = Record<string, unknown>;

function pathsOf(document: string): Record<string, PathItem> {
  const parsed = parse(document) as { paths?: Record<string, PathItem> } | null;
  return parsed?.paths ?? {};
}

/** `{orderId}` and `{proxy+}` in a path template, by the name API Gateway gives their parameters. */
function pathParameters(path: string): string[] {
  return [...path.matchAll(/\{([^}+]+)\+?\}/g)].map((match) => match[1] as string);
}

/** "GET /orders", one per path and verb of the document, as the plan and the topology show them. */
export function documentMethods(document: string): string[] {
  return Object.entries(pathsOf(document)).flatMap(([path, item]) =>
    verbs.filter((verb) => verb in item).map((verb) => `${verb.toUpperCase()} ${path}`),
  );
}

export function openApiForExposure(document: string, link: VpcLinkTarget, backend: Backend) {
  const info = (parse(document) as { info?: unknown } | null)?.info;
  const paths = Object.fromEntries(
    Object.entries(pathsOf(document)).map(([path, item]) => {
      const names = pathParameters(path);
      const operations = verbs
        .filter((verb) => verb in item)
        .map((verb) => [
          verb,
          {
            parameters: names.map((name) => ({ name, in: "path", required: true })),
            "x-amazon-apigateway-integration": {
              type: "http_proxy",
              httpMethod: verb.toUpperCase(),
              uri: `http://${backend.host}:${backend.port}${path.replace(/\{([^}+]+)\+\}/g, "{$1}")}`,
              connectionType: "VPC_LINK",
              connectionId: link.vpcLinkId,
              ...(link.integrationTarget ? { integrationTarget: link.integrationTarget } : {}),
              requestParameters: Object.fromEntries(
                names.map((name) => [`integration.request.path.${name}`, `method.request.path.${name}`]),
              ),
            },
          },
        ]);
      return [path, Object.fromEntries(operations)];
    }),
  );
  return { openapi: "3.0.1", info, paths };
}
