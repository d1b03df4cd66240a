import type { AwsError } from "../../core/aws-error";
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
