import { AwsError } from "../core/aws-error";

// Reads the form-encoded parameters of the ec2 and awsQuery protocols. EC2 flattens lists as `Name.N`
// (`SubnetId.1`), awsQuery nests them as `Name.member.N`; both use `Name.N.Field` for lists of structures.

export class QueryParams {
  constructor(
    readonly values: Record<string, string>,
    /** "" for EC2's flattened lists, ".member" for awsQuery. */
    private readonly listInfix: "" | ".member",
  ) {}

  static parse(body: string, listInfix: "" | ".member"): QueryParams {
    return new QueryParams(Object.fromEntries(new URLSearchParams(body)), listInfix);
  }

  get action(): string {
    return this.values.Action ?? "";
  }

  string(name: string): string | undefined {
    return this.values[name];
  }

  required(name: string): string {
    const value = this.values[name];
    if (value === undefined || value === "") {
      throw new AwsError("MissingParameter", `The request must contain the parameter ${name}`);
    }
    return value;
  }

  boolean(name: string): boolean | undefined {
    const value = this.values[name];
    return value === undefined ? undefined : value === "true";
  }

  number(name: string): number | undefined {
    const value = this.values[name];
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isFinite(parsed)) throw new AwsError("InvalidParameterValue", `Invalid value '${value}' for ${name}`);
    return parsed;
  }

  /** A list of strings: `Name.1`, `Name.2`… (EC2) or `Name.member.1`… (awsQuery). */
  list(name: string): string[] {
    const prefix = `${name}${this.listInfix}.`;
    return this.indexed(prefix)
      .map((index) => this.values[`${prefix}${index}`])
      .filter((value): value is string => value !== undefined);
  }

  /** A list of structures, each returned as its own QueryParams scoped to that item. */
  structs(name: string): QueryParams[] {
    const prefix = `${name}${this.listInfix}.`;
    return this.indexed(prefix).map((index) => this.scope(`${prefix}${index}.`));
  }

  /** The parameters under `prefix`, with the prefix removed. */
  scope(prefix: string): QueryParams {
    const scoped: Record<string, string> = {};
    for (const [key, value] of Object.entries(this.values)) {
      if (key.startsWith(prefix)) scoped[key.slice(prefix.length)] = value;
    }
    return new QueryParams(scoped, this.listInfix);
  }

  /** Parameters and values, for the ClientToken fingerprint. */
  fingerprint(ignore: readonly string[] = ["ClientToken", "DryRun"]): string {
    return Object.entries(this.values)
      .filter(([key]) => !ignore.includes(key))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => `${key}=${value}`)
      .join("&");
  }

  private indexed(prefix: string): number[] {
    const indexes = new Set<number>();
    for (const key of Object.keys(this.values)) {
      if (!key.startsWith(prefix)) continue;
      const index = Number.parseInt(key.slice(prefix.length), 10);
      if (Number.isInteger(index)) indexes.add(index);
    }
    return [...indexes].sort((a, b) => a - b);
  }
}
