import { z } from "zod";

// Evaluates a REST API resource policy for an anonymous invoke through a VPC endpoint, as API Gateway does for the
// statements Gatehouse writes: an explicit Deny wins, then some Allow must match, otherwise the call is denied.

const valueList = z.union([z.string(), z.array(z.string())]).transform((value) => (Array.isArray(value) ? value : [value]));
const statementSchema = z.object({
  Effect: z.enum(["Allow", "Deny"]),
  Action: valueList,
  Condition: z.record(z.string(), z.record(z.string(), valueList)).optional(),
});
const policySchema = z.object({ Statement: z.union([statementSchema, z.array(statementSchema)]).transform((value) => (Array.isArray(value) ? value : [value])) });

export type InvokeSource = { sourceVpce?: string; sourceVpc?: string };

function conditionHolds(operator: string, key: string, expected: string[], source: InvokeSource): boolean {
  const actual = key.toLowerCase() === "aws:sourcevpce" ? source.sourceVpce : key.toLowerCase() === "aws:sourcevpc" ? source.sourceVpc : undefined;
  if (operator === "StringEquals") return actual !== undefined && expected.includes(actual);
  if (operator === "StringNotEquals") return actual === undefined || !expected.includes(actual);
  return false;
}

function applies(statement: z.infer<typeof statementSchema>, source: InvokeSource): boolean {
  const actionMatches = statement.Action.some((action) => action === "*" || action === "execute-api:*" || action === "execute-api:Invoke");
  if (!actionMatches) return false;
  return Object.entries(statement.Condition ?? {}).every(([operator, keys]) => Object.entries(keys).every(([key, values]) => conditionHolds(operator, key, values, source)));
}

/** API Gateway returns stored policies with escaped quotes; both forms parse here. */
export function isInvokeAllowed(policy: string | undefined, source: InvokeSource): boolean {
  if (!policy) return false;
  let parsed;
  try {
    parsed = policySchema.parse(JSON.parse(policy.replace(/\\"/g, '"')));
  } catch {
    return false;
  }
  if (parsed.Statement.some((statement) => statement.Effect === "Deny" && applies(statement, source))) return false;
  return parsed.Statement.some((statement) => statement.Effect === "Allow" && applies(statement, source));
}
