import { AwsError } from "../../core/aws-error";
import type { CallContext } from "../../core/service";
import type { Collection, ResourceBase, Tags } from "../../core/world";
import type { QueryParams } from "../../protocols/query-params";
import { invalidParameterValue } from "./ec2-errors";

// What every EC2 Describe call shares: ids, filters (including tag filters), eventual consistency and account scope.

export type FilterFields = Record<string, string | string[] | boolean | undefined>;

type Filter = { name: string; values: string[] };

export function readFilters(params: QueryParams): Filter[] {
  return params.structs("Filter").map((filter) => ({ name: filter.required("Name"), values: filter.list("Value") }));
}

export function matchesFilters(filters: readonly Filter[], fields: FilterFields, tags: Tags): boolean {
  return filters.every((filter) => {
    if (filter.name.startsWith("tag:")) {
      const value = tags[filter.name.slice(4)];
      return value !== undefined && filter.values.includes(value);
    }
    if (filter.name === "tag-key") return Object.keys(tags).some((key) => filter.values.includes(key));
    if (!(filter.name in fields)) throw invalidParameterValue(`The filter '${filter.name}' is invalid`);
    const field = fields[filter.name];
    const actual = Array.isArray(field) ? field : field === undefined ? [] : [String(field)];
    return actual.some((value) => filter.values.includes(value));
  });
}

/**
 * Resources of the caller's account visible now, narrowed to `ids` when given (an unknown or not-yet-visible id is
 * AWS's NotFound error) and to the filters.
 */
export function describe<T extends ResourceBase>(
  context: CallContext,
  collection: Collection<T>,
  options: { ids: string[]; filters: Filter[]; fields: (item: T) => FilterFields; notFound: (id: string) => AwsError },
): T[] {
  const visible = collection.list({ accountId: context.accountId, region: context.region, visibleAt: context.now });
  const byId = new Map(visible.map((item) => [item.id, item]));
  const selected =
    options.ids.length > 0 ? options.ids.map((id) => byId.get(id) ?? throwError(options.notFound(id))) : visible;
  return selected.filter((item) => matchesFilters(options.filters, options.fields(item), item.tags));
}

function throwError(error: AwsError): never {
  throw error;
}

export function tagSet(tags: Tags) {
  return Object.entries(tags).map(([key, value]) => ({ key, value }));
}

/** Tags given at creation with TagSpecification.N for `resourceType`. */
export function tagsOnCreate(params: QueryParams, resourceType: string): Tags {
  const tags: Tags = {};
  for (const specification of params.structs("TagSpecification")) {
    if (specification.string("ResourceType") !== resourceType) {
      throw invalidParameterValue(
        `'${specification.string("ResourceType") ?? ""}' is not a valid taggable resource type for this operation.`,
      );
    }
    Object.assign(tags, readTags(specification));
  }
  return tags;
}

export function readTags(params: QueryParams): Tags {
  return Object.fromEntries(params.structs("Tag").map((tag) => [tag.required("Key"), tag.string("Value") ?? ""]));
}

/**
 * EC2 ClientToken idempotency: the same token with the same parameters answers the first call's resource; with
 * other parameters it is IdempotentParameterMismatch. The answer (`answer` of the resource) echoes the token.
 */
export function idempotent<R extends { id: string }, A extends object>(
  context: CallContext,
  operation: string,
  params: QueryParams,
  resource: { find: (id: string) => R | undefined; create: () => R; answer: (record: R) => A },
): A & { clientToken?: string } {
  const token = params.string("ClientToken");
  const respond = (record: R) => ({ ...resource.answer(record), clientToken: token });
  if (!token) return respond(resource.create());
  const key = `${context.accountId}:${operation}:${token}`;
  const fingerprint = params.fingerprint();
  const remembered = context.world.data.clientTokens[key];
  if (remembered) {
    if (remembered.fingerprint !== fingerprint) {
      throw new AwsError(
        "IdempotentParameterMismatch",
        "The client token you have provided is associated with a resource that is already deleted or has different parameters. Please use a different client token.",
        400,
      );
    }
    const existing = resource.find(remembered.resourceId);
    if (existing) return respond(existing);
  }
  const created = resource.create();
  context.world.data.clientTokens[key] = { fingerprint, resourceId: created.id };
  return respond(created);
}
