import { z } from "zod";

// API Gateway's resource-policy evaluation for the callers of a private API (anonymous, or signed for AWS_IAM methods), done on the policy's structure:
// an explicit Deny wins, then an Allow, otherwise the call is implicitly denied. Modelled: Principal "*" (or
// {"AWS":"*"}), Action/NotAction, Resource/NotResource with the `execute-api:/…` short form and `*`/`?` wildcards,
// and the string condition operators (with IfExists) on the request's context keys (aws:SourceVpce, aws:SourceVpc).
// An operator the simulator does not know makes its condition false, so it neither allows nor denies.

const oneOrMany = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : [value]));

const statementSchema = z.object({
  Effect: z.enum(["Allow", "Deny"]),
  Principal: z.union([z.string(), z.object({ AWS: oneOrMany.optional() })]).optional(),
  Action: oneOrMany.optional(),
  NotAction: oneOrMany.optional(),
  Resource: oneOrMany.optional(),
  NotResource: oneOrMany.optional(),
  Condition: z.record(z.string(), z.record(z.string(), oneOrMany)).optional(),
});

const policySchema = z.object({
  Statement: z
    .union([statementSchema, z.array(statementSchema)])
    .transform((value) => (Array.isArray(value) ? value : [value])),
});

type Statement = z.infer<typeof statementSchema>;

export type PolicyRequest = {
  action: string;
  /** The method ARN: arn:<partition>:execute-api:<region>:<account>:<api>/<stage>/<METHOD>/<path>. */
  resourceArn: string;
  /** The API's ARN prefix the `execute-api:/` short form expands to: arn:…:execute-api:<region>:<account>:<api>. */
  apiArn: string;
  /** Request context keys, e.g. { "aws:SourceVpce": "vpce-…", "aws:SourceVpc": "vpc-…" }. */
  context: Record<string, string | undefined>;
  /** The SigV4-authenticated caller of an AWS_IAM method; absent for an anonymous call. */
  principal?: { arn: string; accountId: string };
};

export type PolicyDecision = "allow" | "explicitDeny" | "implicitDeny";

/** Evaluates a resource policy document for an anonymous caller; a missing or unreadable policy allows nothing. */
export function evaluateResourcePolicy(policyDocument: string | undefined, request: PolicyRequest): PolicyDecision {
  const statements = parsePolicy(policyDocument);
  const applicable = statements.filter((statement) => applies(statement, request));
  if (applicable.some((statement) => statement.Effect === "Deny")) return "explicitDeny";
  if (applicable.some((statement) => statement.Effect === "Allow")) return "allow";
  return "implicitDeny";
}

/** Reads the document as stored, or in the escaped form GetRestApi hands back (and callers sometimes send back). */
function parsePolicy(document: string | undefined): Statement[] {
  if (!document) return [];
  for (const candidate of [document, document.replace(/\\"/g, '"')]) {
    try {
      const parsed = policySchema.safeParse(JSON.parse(candidate));
      if (parsed.success) return parsed.data.Statement;
    } catch {
      // not this form; try the next
    }
  }
  return [];
}

function applies(statement: Statement, request: PolicyRequest): boolean {
  return (
    namesCaller(statement.Principal, request.principal) &&
    matchesList(statement.Action, statement.NotAction, (pattern) => globMatches(pattern, request.action, true)) &&
    matchesList(statement.Resource, statement.NotResource, (pattern) =>
      globMatches(expandResource(pattern, request.apiArn), request.resourceArn, false),
    ) &&
    Object.entries(statement.Condition ?? {}).every(([operator, keys]) =>
      conditionHolds(operator, keys, request.context),
    )
  );
}

/**
 * Anonymous callers match only a wildcard principal. A signed caller also matches its own ARN, its account (the
 * 12 digits or the account root), and, for an assumed-role session, the role's ARN (IAM user guide, "AWS JSON policy
 * elements: Principal").
 */
function namesCaller(principal: Statement["Principal"], caller: PolicyRequest["principal"]): boolean {
  if (principal === undefined) return false;
  const names = typeof principal === "string" ? [principal] : (principal.AWS ?? []);
  if (names.includes("*")) return true;
  if (!caller) return false;
  const role = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(caller.arn);
  return names.some(
    (name) =>
      name === caller.arn ||
      name === caller.accountId ||
      new RegExp(`^arn:[^:]+:iam::${caller.accountId}:root$`).test(name) ||
      (role !== null && name === `arn:${role[1]}:iam::${role[2]}:role/${role[3]}`),
  );
}

function matchesList(
  listed: string[] | undefined,
  excluded: string[] | undefined,
  matches: (pattern: string) => boolean,
): boolean {
  if (listed) return listed.some(matches);
  if (excluded) return !excluded.some(matches);
  return false;
}

function expandResource(pattern: string, apiArn: string): string {
  return pattern.startsWith("execute-api:/") ? `${apiArn}${pattern.slice("execute-api:".length)}` : pattern;
}

export function globMatches(pattern: string, value: string, ignoreCase: boolean): boolean {
  const source = pattern
    .split("")
    .map((character) =>
      character === "*" ? ".*" : character === "?" ? "." : character.replace(/[.+^${}()|[\]\\]/g, "\\$&"),
    )
    .join("");
  return new RegExp(`^${source}$`, ignoreCase ? "is" : "s").test(value);
}

const stringOperators: Record<string, { negated: boolean; matches: (pattern: string, value: string) => boolean }> = {
  stringequals: { negated: false, matches: (pattern, value) => pattern === value },
  stringnotequals: { negated: true, matches: (pattern, value) => pattern === value },
  stringequalsignorecase: {
    negated: false,
    matches: (pattern, value) => pattern.toLowerCase() === value.toLowerCase(),
  },
  stringnotequalsignorecase: {
    negated: true,
    matches: (pattern, value) => pattern.toLowerCase() === value.toLowerCase(),
  },
  stringlike: { negated: false, matches: (pattern, value) => globMatches(pattern, value, false) },
  stringnotlike: { negated: true, matches: (pattern, value) => globMatches(pattern, value, false) },
};

/**
 * IAM semantics: a positive operator is false when the key is absent, a negated one true; `…IfExists` is true when
 * the key is absent. Condition keys are case-insensitive.
 */
function conditionHolds(
  operatorName: string,
  keys: Record<string, string[]>,
  context: Record<string, string | undefined>,
): boolean {
  const lowered = operatorName.toLowerCase();
  const ifExists = lowered.endsWith("ifexists");
  const operator = stringOperators[ifExists ? lowered.slice(0, -"ifexists".length) : lowered];
  if (!operator) return false;
  return Object.entries(keys).every(([key, patterns]) => {
    const value = Object.entries(context).find(([name]) => name.toLowerCase() === key.toLowerCase())?.[1];
    if (value === undefined) return ifExists || operator.negated;
    const anyMatches = patterns.some((pattern) => operator.matches(pattern, value));
    return operator.negated ? !anyMatches : anyMatches;
  });
}
