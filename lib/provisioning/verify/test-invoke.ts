import { GetResourceCommand, TestInvokeMethodCommand, type APIGatewayClient } from "@aws-sdk/client-api-gateway";
import { accountAccessFor, requestWithHub } from "../engine/request-access";
import type { ClientFactory } from "@/lib/aws/client-factory";
import { isInvalidMethodIdentifier } from "@/lib/aws/invalid-method-identifier";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

// "Test invoke" on the request page: API Gateway's TestInvokeMethod through the real integration and VPC link, so a
// user sees what the backend answers without being inside the consumer VPC.

export type TestInvokeResult = { status: number; latencyMs: number; body: string; httpMethod: string };

/**
 * The verbs to test a resource with, in order. Gatehouse builds ANY methods, and AWS does not document whether
 * TestInvokeMethod resolves GET to ANY (GetMethod does not: aws-chain-facts §11.0). So: GET where the resource defines
 * GET, else the ANY it defines; the other verb only after API Gateway answered `Invalid Method identifier specified`.
 */
export function testInvokeVerbs(definedMethods: readonly string[]): string[] {
  if (definedMethods.includes("GET")) return ["GET"];
  return definedMethods.includes("ANY") ? ["ANY", "GET"] : ["GET", "ANY"];
}

async function invokeWithVerbs(
  apiGateway: APIGatewayClient,
  input: { restApiId: string; resourceId: string; path: string },
  [httpMethod = "GET", ...fallbacks]: string[],
): Promise<TestInvokeResult> {
  try {
    const result = await apiGateway.send(
      new TestInvokeMethodCommand({
        restApiId: input.restApiId,
        resourceId: input.resourceId,
        httpMethod,
        pathWithQueryString: input.path,
      }),
    );
    const body = (result.body ?? "").slice(0, 16_384);
    return { status: result.status ?? 0, latencyMs: result.latency ?? 0, body, httpMethod };
  } catch (error) {
    if (fallbacks.length > 0 && isInvalidMethodIdentifier(error)) return invokeWithVerbs(apiGateway, input, fallbacks);
    throw error;
  }
}

/** TestInvokeMethod on one resource of a REST API, with the verb its method defines; the body is cut at 16 KiB. */
export async function invokeThroughApiGateway(
  apiGateway: APIGatewayClient,
  input: { restApiId: string; resourceId: string; path: string },
): Promise<TestInvokeResult> {
  // GetResource lists the resource's methods by verb (`resourceMethods`), embedded with ?embed=methods.
  const { resourceMethods } = await apiGateway.send(
    new GetResourceCommand({ restApiId: input.restApiId, resourceId: input.resourceId, embed: ["methods"] }),
  );
  return invokeWithVerbs(apiGateway, input, testInvokeVerbs(Object.keys(resourceMethods ?? {})));
}

export async function testInvoke(
  db: Db,
  clients: ClientFactory,
  requestId: string,
  path = "/",
): Promise<TestInvokeResult> {
  const request = await db.exposureRequest.findUnique({ where: { id: requestId }, include: requestWithHub });
  if (!request || request.status !== "active")
    throw new AppError("CONFLICT", { key: "errors.provisioning.invokeOnlyActive" });
  const routes = await db.provisioningStep.findFirst({
    where: { stepId: "restApi.routes", status: "succeeded", run: { requestId, kind: "provision" } },
    orderBy: { finishedAt: "desc" },
  });
  const api = await db.provisioningStep.findFirst({
    where: { stepId: "restApi.create", status: "succeeded", run: { requestId, kind: "provision" } },
    orderBy: { finishedAt: "desc" },
  });
  const outputs = {
    ...(routes?.outputs as Record<string, string> | undefined),
    ...(api?.outputs as Record<string, string> | undefined),
  };
  if (!outputs.restApiId || !outputs.rootResourceId)
    throw new AppError("CONFLICT", { key: "errors.provisioning.apiNotBuilt" });
  const { platform } = await accountAccessFor(db, request);
  const { apiGateway } = clients.clientsFor(platform, `invoke-${requestId}`);
  // An API built from its OpenAPI document has no {proxy+} to take any path: it is invoked on its probe method.
  const target = outputs.proxyResourceId
    ? { resourceId: path === "/" ? outputs.rootResourceId : outputs.proxyResourceId, path }
    : { resourceId: outputs.probeResourceId ?? outputs.rootResourceId, path: outputs.probePath ?? "/" };
  return invokeThroughApiGateway(apiGateway, { restApiId: outputs.restApiId, ...target });
}
