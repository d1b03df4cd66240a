import { z } from "zod";
import type { CallContext, RestRequest, RestRoute } from "../../core/service";
import type { ApiResource, Method, RestApi } from "../../model/apigateway";
import { badRequest } from "./apigateway-errors";
import { restApiOf } from "./apigateway-records";
import { addChildResource, httpMethods, integrationFrom } from "./resources";
import { restApiWire } from "./rest-apis";

// PutRestApi: an OpenAPI definition imported into an existing REST API (PUT /restapis/{id}?mode=merge|overwrite).
// Modelled from "Import an OpenAPI file to update an existing API definition" (API Gateway developer guide,
// api-gateway-import-api-update): in `overwrite` mode the API takes the imported definition and what it does not
// define is deleted; in `merge` mode (the default) the imported methods replace the ones they collide with and the
// rest stays. Each operation's `x-amazon-apigateway-integration` ("x-amazon-apigateway-integration object",
// OpenAPI extensions) becomes the method's integration: `type` (http_proxy…), `httpMethod`, `uri`, `connectionType`
// VPC_LINK with `connectionId`, and `integrationTarget` (the NLB/ALB ARN) for a VPC link V2. An operation without
// one is a warning; `failonwarnings=true` turns warnings into a BadRequestException and nothing is changed. Any
// error leaves the API as it was: the import is built on a copy and swapped in at the end.

const operationSchema = z
  .object({
    parameters: z.array(z.object({ name: z.string(), in: z.string(), required: z.boolean().optional() })).optional(),
    "x-amazon-apigateway-integration": z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough();

const documentSchema = z
  .object({
    openapi: z.string().regex(/^3\./).optional(),
    swagger: z.literal("2.0").optional(),
    paths: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
  })
  .passthrough()
  .refine((document) => document.openapi !== undefined || document.swagger !== undefined, {
    message: "Invalid OpenAPI input: no 'openapi' or 'swagger' version",
  });

// Path-item keys that are not operations (OpenAPI 3 "Path Item Object").
const pathItemFields = new Set(["summary", "description", "servers", "parameters", "$ref"]);

function verbOf(key: string): string {
  if (key === "x-amazon-apigateway-any-method") return "ANY";
  const verb = key.toUpperCase();
  if (!httpMethods.includes(verb) || verb === "ANY") throw badRequest(`Unsupported HTTP method '${key}'`);
  return verb;
}

function resourceFor(context: CallContext, api: RestApi, path: string): ApiResource {
  if (!path.startsWith("/")) throw badRequest(`Invalid path '${path}': a path must start with '/'`);
  let resource = api.resources.find((candidate) => candidate.id === api.rootResourceId) as ApiResource;
  for (const pathPart of path.split("/").filter(Boolean)) {
    const path = `${resource.path === "/" ? "" : resource.path}/${pathPart}`;
    resource =
      api.resources.find((candidate) => candidate.path === path) ?? addChildResource(context, api, resource, pathPart);
  }
  return resource;
}

/** The method an operation describes: path parameters become required `method.request.path.*` parameters. */
function methodFor(context: CallContext, resource: ApiResource, verb: string, operation: unknown): Method {
  const parsed = operationSchema.safeParse(operation);
  if (!parsed.success)
    throw badRequest(`Invalid operation ${verb} ${resource.path}: ${parsed.error.issues[0]?.message}`);
  const requestParameters = Object.fromEntries(
    (parsed.data.parameters ?? [])
      .filter((parameter) => parameter.in === "path")
      .map((parameter) => [`method.request.path.${parameter.name}`, true]),
  );
  const extension = parsed.data["x-amazon-apigateway-integration"];
  const integration = extension
    ? integrationFrom(context, resource, { ...extension, type: String(extension.type ?? "").toUpperCase() })
    : undefined;
  return {
    httpMethod: verb,
    authorizationType: "NONE",
    apiKeyRequired: false,
    requestParameters,
    methodResponses: {},
    integration,
  };
}

function putRestApi(context: CallContext, request: RestRequest) {
  const api = restApiOf(context, request.pathParams.restApiId ?? "");
  const mode = request.query.get("mode") ?? "merge";
  if (mode !== "merge" && mode !== "overwrite")
    throw badRequest(`Invalid mode '${mode}': valid values are merge and overwrite`);
  const parsed = documentSchema.safeParse(request.body);
  if (!parsed.success) throw badRequest(parsed.error.issues[0]?.message ?? "Invalid OpenAPI input");
  const root = api.resources.find((resource) => resource.id === api.rootResourceId) as ApiResource;
  const draft: RestApi = {
    ...api,
    resources:
      mode === "overwrite"
        ? [{ ...root, methods: {} }]
        : api.resources.map((resource) => ({ ...resource, methods: { ...resource.methods } })),
  };
  const warnings: string[] = [];
  for (const [path, item] of Object.entries(parsed.data.paths)) {
    const resource = resourceFor(context, draft, path);
    for (const [key, operation] of Object.entries(item)) {
      if (pathItemFields.has(key) || (key.startsWith("x-") && key !== "x-amazon-apigateway-any-method")) continue;
      const method = methodFor(context, resource, verbOf(key), operation);
      if (!method.integration) warnings.push(`No integration defined for method ${method.httpMethod} ${path}`);
      resource.methods[method.httpMethod] = method;
    }
  }
  if (warnings.length > 0 && request.query.get("failonwarnings") === "true")
    throw badRequest(`Warnings found during import:\n\t${warnings.join("\n\t")}`);
  api.resources = draft.resources;
  return { status: 200, body: { ...restApiWire(api), warnings: warnings.length > 0 ? warnings : undefined } };
}

export const putRestApiRoute: RestRoute = {
  method: "PUT",
  path: "/restapis/{restApiId}",
  operation: "PutRestApi",
  action: "apigateway:PUT",
  handle: putRestApi,
};
