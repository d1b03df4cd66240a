import { AwsError } from "../../core/aws-error";
import type { CallContext, JsonService } from "../../core/service";
import { awsJsonErrors } from "../json-errors";
import { appliedQuota, findDefinition, type QuotaDefinition } from "./quota-catalogue";

// Service Quotas (awsJson1_1, target prefix ServiceQuotasV20190624), the two reads Gatehouse uses:
// - GetServiceQuota answers the applied value. "For some quotas, only the default values are available. If the
//   applied quota value is not available for a quota, the quota is not retrieved" (API reference, GetServiceQuota):
//   modelled as NoSuchResourceException for a quota never adjusted, so callers fall back to the default.
// - GetAWSDefaultServiceQuota answers the documented default.
// https://docs.aws.amazon.com/servicequotas/2019-06-24/apireference/API_GetServiceQuota.html

function definitionOf(body: Record<string, unknown>): QuotaDefinition {
  const serviceCode = typeof body.ServiceCode === "string" ? body.ServiceCode : "";
  const quotaCode = typeof body.QuotaCode === "string" ? body.QuotaCode : "";
  if (!serviceCode || !quotaCode) throw new AwsError("IllegalArgumentException", "Invalid input was provided.");
  const definition = findDefinition(serviceCode, quotaCode);
  if (!definition) throw noSuchResource();
  return definition;
}

const noSuchResource = () => new AwsError("NoSuchResourceException", "The specified resource does not exist.");

function quotaWire(context: CallContext, definition: QuotaDefinition, value: number, accountScoped: boolean) {
  const partition = context.caller.arn.split(":")[1] ?? "aws";
  const account = accountScoped ? context.accountId : "";
  return {
    Quota: {
      ServiceCode: definition.serviceCode,
      ServiceName: definition.serviceName,
      QuotaArn: `arn:${partition}:servicequotas:${context.region}:${account}:${definition.serviceCode}/${definition.quotaCode}`,
      QuotaCode: definition.quotaCode,
      QuotaName: definition.quotaName,
      Value: value,
      Unit: "None",
      Adjustable: definition.adjustable,
      GlobalQuota: false,
    },
  };
}

export const serviceQuotasService: JsonService = {
  protocol: "awsJson1_1",
  signingName: "servicequotas",
  targetPrefix: "ServiceQuotasV20190624",
  errors: awsJsonErrors,
  operations: {
    GetServiceQuota: {
      action: "servicequotas:GetServiceQuota",
      handle(context, body) {
        const definition = definitionOf(body);
        const applied = appliedQuota(context.world, context, definition);
        if (!applied) throw noSuchResource();
        return quotaWire(context, definition, applied.value, true);
      },
    },
    GetAWSDefaultServiceQuota: {
      action: "servicequotas:GetAWSDefaultServiceQuota",
      handle: (context, body) => {
        const definition = definitionOf(body);
        return quotaWire(context, definition, definition.value, false);
      },
    },
  },
};
