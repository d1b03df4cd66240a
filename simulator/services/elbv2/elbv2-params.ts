import { AwsError } from "../../core/aws-error";
import type { CallContext, QueryOperation } from "../../core/service";
import type { Collection, ResourceBase } from "../../core/world";
import type { QueryParams } from "../../protocols/query-params";

// Reading and writing the shapes every ELBv2 operation shares.

export function readTags(params: QueryParams): Record<string, string> {
  return Object.fromEntries(params.structs("Tags").map((tag) => [tag.required("Key"), tag.string("Value") ?? ""]));
}

export function tagsWire(tags: Record<string, string>) {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

export function readAttributes(params: QueryParams): Record<string, string> {
  return Object.fromEntries(
    params.structs("Attributes").map((attribute) => [attribute.required("Key"), attribute.string("Value") ?? ""]),
  );
}

export function attributesWire(attributes: Record<string, string>) {
  return Object.entries(attributes).map(([Key, Value]) => ({ Key, Value }));
}

/** The caller's visible resources, or only the given ARNs (an unknown or another account's ARN is `notFound`). */
export function visibleByArn<T extends ResourceBase>(
  context: CallContext,
  collection: Collection<T>,
  arns: string[],
  notFound: (arn: string) => AwsError,
): T[] {
  const visible = collection.list({ accountId: context.accountId, region: context.region, visibleAt: context.now });
  if (arns.length === 0) return visible;
  return arns.map((arn) => {
    const found = visible.find((item) => item.id === arn);
    if (!found) throw notFound(arn);
    return found;
  });
}

const pluralNames = { LoadBalancer: "Load balancers", TargetGroup: "Target groups", Listener: "Listeners" } as const;

/**
 * The records a Describe<Kind>s call selects: those named in `<Kind>Arns` and, for a kind with names, in `Names`; all
 * the caller's visible ones when it names none. An unknown ARN or name fails the whole call with <Kind>NotFound.
 */
export function describedRecords<T extends ResourceBase>(
  context: CallContext,
  params: QueryParams,
  kind: keyof typeof pluralNames,
  collection: Collection<T>,
  nameOf?: (record: T) => string,
): T[] {
  const notFound = (key: string) => new AwsError(`${kind}NotFound`, `${pluralNames[kind]} '[${key}]' not found`);
  const selected = visibleByArn(context, collection, params.list(`${kind}Arns`), notFound);
  const names = nameOf ? params.list("Names") : [];
  if (!nameOf || names.length === 0) return selected;
  const missing = names.find((name) => !selected.some((record) => nameOf(record) === name));
  if (missing) throw notFound(missing);
  return selected.filter((record) => names.includes(nameOf(record)));
}

/** Operations whose IAM action is their own name, as every ELBv2 operation's is. */
export function elbv2Operations(handlers: Record<string, QueryOperation["handle"]>): Record<string, QueryOperation> {
  return Object.fromEntries(
    Object.entries(handlers).map(([name, handle]) => [name, { action: `elasticloadbalancing:${name}`, handle }]),
  );
}

/** Describe/Modify<Kind>Attributes for a resource found by its ARN parameter (<Kind>Arn). */
export function attributeOperations(
  kind: "LoadBalancer" | "TargetGroup",
  find: (context: CallContext, arn: string) => { attributes: Record<string, string> },
): Record<string, QueryOperation> {
  const arnParameter = `${kind}Arn`;
  return {
    [`Describe${kind}Attributes`]: {
      action: `elasticloadbalancing:Describe${kind}Attributes`,
      handle: (context, params) => ({
        Attributes: attributesWire(find(context, params.required(arnParameter)).attributes),
      }),
    },
    [`Modify${kind}Attributes`]: {
      action: `elasticloadbalancing:Modify${kind}Attributes`,
      handle: (context, params) => {
        const resource = find(context, params.required(arnParameter));
        Object.assign(resource.attributes, readAttributes(params));
        return { Attributes: attributesWire(resource.attributes) };
      },
    },
  };
}
