import { DescribeTargetHealthCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { done, wait } from "../engine/step-runtime";
import { invokeThroughApiGateway } from "../verify/test-invoke";
import type { Hop } from "./hop";
import { listenerCreate } from "./listener-create";
import { restApiCreate } from "./rest-api-create";
import { restApiDeploy } from "./rest-api-deploy";
import { restApiRoutes } from "./rest-api-routes";
import { targetGroupCreate } from "./target-group-create";
import { targetsRegister } from "./targets-register";

// The last hop: a healthy target behind the NLB, and a test invoke through API Gateway that gets an answer.

export const chainVerify: Hop<"chain.verify", { testInvokeStatus: number; latencyMs: number }> = {
  id: "chain.verify",
  account: "platform",
  calls: ["elasticloadbalancing:DescribeTargetHealth", "apigateway:GetResource", "apigateway:TestInvokeMethod"],
  place: () => ({ dependsOn: [restApiDeploy, targetsRegister, listenerCreate] }),
  async run(context) {
    const TargetGroupArn = context.output(targetGroupCreate, "targetGroupArn");
    const { TargetHealthDescriptions } = await context.platform.elb.send(
      new DescribeTargetHealthCommand({ TargetGroupArn }),
    );
    const states = (TargetHealthDescriptions ?? []).map((description) => description.TargetHealth?.State);
    if (!states.includes("healthy"))
      return wait(`no healthy target yet (${states.join(", ") || "none registered"})`, 10_000);
    const restApiId = context.output(restApiCreate, "restApiId");
    const result = await invokeThroughApiGateway(context.platform.apiGateway, {
      restApiId,
      resourceId: context.output(restApiRoutes, "probeResourceId"),
      path: context.output(restApiRoutes, "probePath"),
    });
    if (result.status === 0 || result.status >= 500)
      return wait(`test invoke answered ${result.status || "nothing"}`, 10_000);
    return done({ testInvokeStatus: result.status, latencyMs: result.latencyMs });
  },
};
