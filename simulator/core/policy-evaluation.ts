import type { Tags } from "./world";

// IAM's evaluation of identity-based policy documents, for the subset Gatehouse's roles use: Allow and Deny
// statements, actions and resource ARNs with `*` and `?` wildcards, and the string condition operators on the tag
// keys (`aws:ResourceTag/<key>`, `aws:RequestTag/<key>`, `aws:TagKeys`) and on the services' own keys such as
// `ec2:CreateAction`. An explicit Deny wins over any Allow; nothing allowed is an implicit deny.

export type ConditionBlock = Record<string, Record<string, string | string[]>>;

export type PolicyStatement = {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Action: string | string[];
  Resource: string | string[];
  Condition?: ConditionBlock;
};

export type PolicyDocument = { Version: "2012-10-17"; Statement: PolicyStatement[] };

/** One authorization question: may the caller perform `action` on `resource` (an ARN, or "*" when the action has no resource)? */
export type AuthorizationRequest = {
  action: string;
  resource: string;
  /** The tags the resource carries now (aws:ResourceTag/*). */
  resourceTags?: Tags;
  /** The tags the request puts on the resource (aws:RequestTag/*, aws:TagKeys). */
  requestTags?: Tags;
  /** Service-specific condition keys of this request, e.g. { "ec2:CreateAction": "CreateVpcEndpoint" }. */
  conditionKeys?: Record<string, string>;
};

export type Decision = "allowed" | "explicitDeny" | "implicitDeny";

/** A policy that allows `actions` on every resource without conditions: test identities and the portal's own. */
export function allowActions(actions: readonly string[]): PolicyDocument {
  return { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: [...actions], Resource: "*" }] };
}

export function evaluatePolicies(policies: readonly PolicyDocument[], request: AuthorizationRequest): Decision {
  const matching = policies
    .flatMap((policy) => policy.Statement)
    .filter((statement) => statementApplies(statement, request));
  if (matching.some((statement) => statement.Effect === "Deny")) return "explicitDeny";
  return matching.some((statement) => statement.Effect === "Allow") ? "allowed" : "implicitDeny";
}

function statementApplies(statement: PolicyStatement, request: AuthorizationRequest): boolean {
  const actionMatches = [statement.Action]
    .flat()
    .some((pattern) => wildcardMatch(pattern.toLowerCase(), request.action.toLowerCase()));
  const resourceMatches = [statement.Resource].flat().some((pattern) => wildcardMatch(pattern, request.resource));
  return actionMatches && resourceMatches && conditionsHold(statement.Condition ?? {}, request);
}

/** IAM's wildcard match: `*` any run of characters, `?` exactly one. */
export function wildcardMatch(pattern: string, value: string): boolean {
  const expression = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${expression}$`, "s").test(value);
}

/** The request's values of a condition key; undefined when the request does not carry the key. */
function valuesOf(key: string, request: AuthorizationRequest): string[] | undefined {
  const [prefix = "", ...rest] = key.split("/");
  const tagKey = rest.join("/");
  switch (prefix.toLowerCase()) {
    case "aws:resourcetag":
      return single(request.resourceTags?.[tagKey]);
    case "aws:requesttag":
      return single(request.requestTags?.[tagKey]);
    case "aws:tagkeys":
      return request.requestTags ? Object.keys(request.requestTags) : undefined;
    default: {
      const found = Object.entries(request.conditionKeys ?? {}).find(
        ([name]) => name.toLowerCase() === key.toLowerCase(),
      );
      return single(found?.[1]);
    }
  }
}

function single(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : [value];
}

const matchers: Record<string, (expected: string, actual: string) => boolean> = {
  StringEquals: (expected, actual) => expected === actual,
  StringNotEquals: (expected, actual) => expected === actual,
  StringEqualsIgnoreCase: (expected, actual) => expected.toLowerCase() === actual.toLowerCase(),
  StringLike: (expected, actual) => wildcardMatch(expected, actual),
  StringNotLike: (expected, actual) => wildcardMatch(expected, actual),
};

function conditionsHold(block: ConditionBlock, request: AuthorizationRequest): boolean {
  return Object.entries(block).every(([operator, keys]) =>
    Object.entries(keys).every(([key, expected]) =>
      conditionHolds(operator, [expected].flat(), valuesOf(key, request)),
    ),
  );
}

/**
 * One operator on one key. A single-valued key matches when its value matches any expected value (negated operators:
 * none); a missing key fails a positive operator and satisfies a negated one, or satisfies any `…IfExists`.
 * `ForAllValues:` holds when every request value matches (also when there are none); `ForAnyValue:` when one does.
 */
function conditionHolds(operator: string, expected: string[], actual: string[] | undefined): boolean {
  const [qualifier, bare] = operator.includes(":") ? (operator.split(":") as [string, string]) : [undefined, operator];
  const ifExists = bare.endsWith("IfExists");
  const name = ifExists ? bare.slice(0, -"IfExists".length) : bare;
  const matcher = matchers[name];
  if (!matcher)
    throw new Error(`the simulator's policy evaluation does not support the condition operator ${operator}`);
  const negated = name.includes("Not");
  const satisfies = (value: string) => expected.some((candidate) => matcher(candidate, value)) !== negated;
  if (qualifier === "ForAllValues") return (actual ?? []).every(satisfies);
  if (qualifier === "ForAnyValue") return (actual ?? []).some(satisfies);
  if (qualifier !== undefined) throw new Error(`unknown condition set operator ${qualifier}`);
  if (actual === undefined) return ifExists || negated;
  return actual.every(satisfies);
}

/** IAM's wording of a refusal, which names why: an explicit Deny, or no Allow. */
export function deniedMessage(
  callerArn: string,
  action: string,
  resource: string | undefined,
  explicitDeny = false,
): string {
  const on = resource ? ` on resource: ${resource}` : "";
  const why = explicitDeny
    ? `with an explicit deny in an identity-based policy`
    : `because no identity-based policy allows the ${action} action`;
  return `User: ${callerArn} is not authorized to perform: ${action}${on} ${why}`;
}
