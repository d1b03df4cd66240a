import { TestInvokeMethodCommand } from "@aws-sdk/client-api-gateway";
import { accountAccessFor, requestWithHub } from "./request-access";
import type { ClientFactory } from "@/lib/aws/client-factory";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

// "Test invoke" on the request page: API Gateway's TestInvokeMethod through the real integration and VPC link, so a
// user sees what the backend answers without being inside the consumer VPC.

export type TestInvokeResult = { status: number; latencyMs: number; body: string };

export async function testInvoke(db: Db, clients: ClientFactory, requestId: string, path = "/"): Promise<TestInvokeResult> {
  const request = await db.exposureRequest.findUnique({ where: { id: requestId }, include: requestWithHub });
  if (!request || request.status !== "active") throw new AppError("CONFLICT", "Only an active exposure can be invoked.");
  const routes = await db.provisioningStep.findFirst({ where: { stepId: "restApi.routes", status: "succeeded", run: { requestId, kind: "provision" } }, orderBy: { finishedAt: "desc" } });
  const api = await db.provisioningStep.findFirst({ where: { stepId: "restApi.create", status: "succeeded", run: { requestId, kind: "provision" } }, orderBy: { finishedAt: "desc" } });
  const outputs = { ...(routes?.outputs as Record<string, string> | undefined), ...(api?.outputs as Record<string, string> | undefined) };
  if (!outputs.restApiId || !outputs.rootResourceId || !outputs.proxyResourceId) throw new AppError("CONFLICT", "The request's API has not been built.");
  const { platform } = await accountAccessFor(db, request);
  const { apiGateway } = clients.clientsFor(platform, `invoke-${requestId}`);
  const result = await apiGateway.send(
    new TestInvokeMethodCommand({ restApiId: outputs.restApiId, resourceId: path === "/" ? outputs.rootResourceId : outputs.proxyResourceId, httpMethod: "GET", pathWithQueryString: path }),
  );
  return { status: result.status ?? 0, latencyMs: result.latency ?? 0, body: (result.body ?? "").slice(0, 16_384) };
}
