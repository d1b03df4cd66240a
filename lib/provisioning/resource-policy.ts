import { z } from "zod";

// The private REST API's resource policy, built as a structure (never by string concatenation): deny
// execute-api:Invoke unless the call arrives through one of the allowed VPC endpoints, allow otherwise. API Gateway
// evaluates an explicit Deny first, so the Allow only ever applies to the listed endpoints.

/** A VPC endpoint ID as EC2 issues them: `vpce-` and 8 (older) or 17 hexadecimal digits. */
export const vpcEndpointIdSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^vpce-(?:[0-9a-f]{8}|[0-9a-f]{17})$/, "must be a VPC endpoint ID: vpce- and 8 or 17 hexadecimal digits");

export const allowedEndpointsSchema = z.array(vpcEndpointIdSchema).min(1, "at least one VPC endpoint must be allowed");

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
    { Effect: "Allow"; Principal: "*" | { AWS: string[] }; Action: "execute-api:Invoke"; Resource: "execute-api:/*" },
  ];
};

/** API Gateway's limit on a resource policy's length (adjustable quota, default). */
export const resourcePolicyMaxLength = 8192;

/**
 * With `principals` (an API whose methods use AWS_IAM), the Allow names them instead of everyone: a signed caller of
 * another account is let in only when the API's resource policy names it (API Gateway developer guide, "How API
 * Gateway resource policies affect authorization workflow", cross-account IAM).
 */
export function buildResourcePolicy(
  allowedVpcEndpointIds: readonly string[],
  principals?: readonly string[],
): ResourcePolicy {
  const endpoints = [...new Set(allowedEndpointsSchema.parse(allowedVpcEndpointIds))].sort();
  const principal = principals ? { AWS: [...new Set(principals)].sort() } : ("*" as const);
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
      { Effect: "Allow", Principal: principal, Action: "execute-api:Invoke", Resource: "execute-api:/*" },
    ],
  };
}

/** The policy document as API Gateway receives it; throws when it would exceed the policy length quota. */
export function serializeResourcePolicy(policy: ResourcePolicy): string {
  const document = JSON.stringify(policy);
  if (document.length > resourcePolicyMaxLength) {
    throw new Error(
      `The resource policy is ${document.length} characters; API Gateway accepts at most ${resourcePolicyMaxLength}.`,
    );
  }
  return document;
}

// What API Gateway hands back is the same policy, rewritten: quotes escaped, `execute-api:/*` expanded to the API's
// ARN, a one-element list collapsed to a string. Only the meaning is compared, never the text.
const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item)]).transform((value) => (Array.isArray(value) ? value : [value]));
const statementSchema = z.object({
  Effect: z.enum(["Allow", "Deny"]),
  Principal: z.unknown(),
  Action: oneOrMany(z.string()),
  Condition: z.record(z.string(), z.record(z.string(), oneOrMany(z.string()))).optional(),
});
const policySchema = z.object({ Statement: oneOrMany(statementSchema) });

function parsePolicyDocument(document: string): unknown {
  try {
    return JSON.parse(document);
  } catch {
    // GetRestApi's escaped form: a JSON document inside a JSON string's escaping.
    return JSON.parse(JSON.parse(`"${document}"`) as string);
  }
}

type Statement = z.infer<typeof statementSchema>;
const invokesOnly = (statement: Statement) => statement.Action.every((action) => action === "execute-api:Invoke");

function readPolicy(document: string): z.infer<typeof policySchema> | undefined {
  try {
    const result = policySchema.safeParse(parsePolicyDocument(document));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The VPC endpoints a live policy lets invoke the API, when it has Gatehouse's shape (one Deny unless aws:SourceVpce
 * is listed, one unconditional Allow, nothing else); undefined for any other policy, which is drift by definition.
 */
export function endpointsAllowedBy(document: string | undefined): string[] | undefined {
  const policy = document ? readPolicy(document) : undefined;
  if (policy?.Statement.length !== 2) return undefined;
  const deny = policy.Statement.find((statement) => statement.Effect === "Deny");
  const allow = policy.Statement.find((statement) => statement.Effect === "Allow");
  if (!deny || !allow || allow.Condition || !invokesOnly(deny) || !invokesOnly(allow)) return undefined;
  const conditions = Object.entries(deny.Condition ?? {}).flatMap(([operator, keys]) =>
    Object.entries(keys).map(([key, values]) => ({ operator, key, values })),
  );
  const [only] = conditions;
  // Condition keys are case-insensitive in IAM; operators are not.
  if (conditions.length !== 1 || only?.operator !== "StringNotEquals" || only.key.toLowerCase() !== "aws:sourcevpce")
    return undefined;
  return [...new Set(only.values)].sort();
}

/** Whether two allow-lists name the same endpoints, in any order. */
export function sameEndpoints(left: readonly string[] | undefined, right: readonly string[]): boolean {
  if (!left) return false;
  const wanted = new Set(right);
  return new Set(left).size === wanted.size && left.every((endpoint) => wanted.has(endpoint));
}

/** The principals the live policy's Allow names: undefined for everyone ("*") or a policy of another shape. */
export function principalsAllowedBy(document: string | undefined): string[] | undefined {
  const allow = (document ? readPolicy(document) : undefined)?.Statement.find((item) => item.Effect === "Allow");
  const parsed = z.object({ AWS: z.union([z.string(), z.array(z.string())]) }).safeParse(allow?.Principal);
  if (!parsed.success) return undefined;
  return [...new Set([parsed.data.AWS].flat())].sort();
}
