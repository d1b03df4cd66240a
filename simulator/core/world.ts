import type { PartitionName } from "./partition";
import type { PolicyDocument } from "./policy-evaluation";

// The simulator's whole state: plain JSON-serialisable data, so it persists to a file and restores unchanged.
// Resources never carry timers: a lifecycle is stored as timestamps and read through `phaseAt`, so a restart or a
// paused process never loses a transition.

export type Tags = Record<string, string>;

/** Fields every stored resource has. `visibleAt` models eventual consistency: Describe calls skip it until then. */
export type ResourceBase = {
  id: string;
  accountId: string;
  region: string;
  createdAt: number;
  visibleAt: number;
  tags: Tags;
};

export type Principal = {
  arn: string;
  accountId: string;
  /** The identity-based policy documents IAM evaluates for every call. */
  policies: PolicyDocument[];
};

export type AccessKey = Principal & {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiresAt?: number;
};

export type Role = {
  arn: string;
  accountId: string;
  name: string;
  /** Principal ARNs allowed to assume the role. */
  trustedPrincipals: string[];
  externalId?: string;
  /** The role's permission policies; sessions assumed from it carry them. */
  policies: PolicyDocument[];
  maxSessionSeconds: number;
};

export type Account = {
  accountId: string;
  alias: string;
  partition: PartitionName;
  /** AZ name → AZ ID for this account: names differ per account, IDs are the physical zones. */
  availabilityZones: Record<string, { zoneName: string; zoneId: string }[]>;
};

export type WorldData = {
  version: 2;
  accounts: Record<string, Account>;
  accessKeys: Record<string, AccessKey>;
  roles: Record<string, Role>;
  /** Resource collections by kind ("ec2.vpcEndpoint", "elbv2.loadBalancer", …), each keyed by resource id. */
  collections: Record<string, Record<string, ResourceBase>>;
  /** EC2 ClientToken memory: "<account>:<operation>:<token>" → fingerprint of the parameters and the resource id. */
  clientTokens: Record<string, { fingerprint: string; resourceId: string }>;
};

export function emptyWorld(): WorldData {
  return { version: 2, accounts: {}, accessKeys: {}, roles: {}, collections: {}, clientTokens: {} };
}

export class World {
  constructor(
    readonly data: WorldData,
    private readonly onChange: () => void = () => undefined,
  ) {}

  /** Marks the state dirty so the persister writes it; every mutating operation calls this once. */
  changed(): void {
    this.onChange();
  }

  account(accountId: string): Account | undefined {
    return this.data.accounts[accountId];
  }

  collection<T extends ResourceBase>(kind: string): Collection<T> {
    this.data.collections[kind] ??= {};
    return new Collection<T>(this.data.collections[kind] as Record<string, T>);
  }
}

export class Collection<T extends ResourceBase> {
  constructor(private readonly items: Record<string, T>) {}

  get(id: string): T | undefined {
    return this.items[id];
  }

  /** Resources of one account and region, optionally only those already visible to Describe calls at `now`. */
  list(scope: { accountId: string; region: string; visibleAt?: number }): T[] {
    return Object.values(this.items).filter(
      (item) =>
        item.accountId === scope.accountId &&
        item.region === scope.region &&
        (scope.visibleAt === undefined || item.visibleAt <= scope.visibleAt),
    );
  }

  all(): T[] {
    return Object.values(this.items);
  }

  put(item: T): T {
    this.items[item.id] = item;
    return item;
  }

  delete(id: string): void {
    delete this.items[id];
  }
}

/**
 * Reads a timestamped lifecycle: `steps` are [state, enteredAt] pairs in order; the current state is the last one
 * whose time has come.
 */
export function phaseAt<S extends string>(steps: readonly (readonly [S, number])[], now: number): S {
  let current = steps[0]?.[0];
  for (const [state, at] of steps) if (at <= now) current = state;
  if (current === undefined) throw new Error("a lifecycle needs at least one step");
  return current;
}
