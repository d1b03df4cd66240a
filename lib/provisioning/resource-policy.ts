import { z } from "zod";

// The private REST API's resource policy, built as a structure (never by string concatenation): deny
// execute-api:Invoke unless the call arrives through one of the allowed VPC endpoints, allow otherwise. API Gateway
// evaluates an explicit Deny first, so the Allow only ever applies to the listed endpoints.

const vpcEndpointId = z.string().regex(/^vpce-[0-9a-f]{8,17}$/, "must be a VPC endpoint id (vpce-…)");

export const allowedEndpointsSchema = z.array(vpcEndpointId).min(1, "at least one VPC endpoint must be allowed");

export type ResourcePolicy = {
  Version: "2012-10-17";
  Statement: [
    {
      Effect: "Deny";
      Principal: "*";
      Action: "execute-api:Invoke";
      Resource: "execute-api:/*";
      Condition: { StringNotEquals: { "aws:SourceVpce": string[] } };
    },
    { Effect: "Allow"; Principal: "*"; Action: "execute-api:Invoke"; Resource: "execute-api:/*" },
  ];
};

/** API Gateway's limit on a resource policy's length (adjustable quota, default). */
export const resourcePolicyMaxLength = 8192;

export function buildResourcePolicy(allowedVpcEndpointIds: readonly string[]): ResourcePolicy {
  const endpoints = [...new Set(allowedEndpointsSchema.parse(allowedVpcEndpointIds))].sort();
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Deny",
        Principal: "*",
        Action: "execute-api:Invoke",
        Resource: "execute-api:/*",
        Condition: { StringNotEquals: { "aws:SourceVpce": endpoints } },
      },
      { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" },
    ],
  };
}

/** The policy document as API Gateway receives it; throws when it would exceed the policy length quota. */
export function serializeResourcePolicy(policy: ResourcePolicy): string {
  const document = JSON.stringify(policy);
  if (document.length > resourcePolicyMaxLength) {
    throw new Error(`The resource policy is ${document.length} characters; API Gateway accepts at most ${resourcePolicyMaxLength}.`);
  }
  return document;
}
