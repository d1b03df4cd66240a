// IPv4 addresses and CIDR blocks as numbers, for the private-range rule of the wizard and the route check of the dry
// run. Strict dotted-quad only: no leading zeros (some parsers read them as octal), no shorthand.

const octet = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
const ipv4Pattern = new RegExp(`^${octet}\\.${octet}\\.${octet}\\.${octet}$`);

export function parseIpv4(text: string): number | undefined {
  if (!ipv4Pattern.test(text)) return undefined;
  return text.split(".").reduce((value, part) => value * 256 + Number(part), 0);
}

export type Cidr = { base: number; prefix: number };

export function parseCidr(text: string): Cidr | undefined {
  const [address, prefixText, ...rest] = text.split("/");
  const base = parseIpv4(address ?? "");
  const prefix = Number(prefixText);
  if (base === undefined || rest.length > 0 || !/^\d{1,2}$/.test(prefixText ?? "") || prefix > 32) return undefined;
  return { base, prefix };
}

export function cidrContains(cidr: Cidr, ip: number): boolean {
  const size = 2 ** (32 - cidr.prefix);
  const start = Math.floor(cidr.base / size) * size;
  return ip >= start && ip < start + size;
}

/** The ranges a remote backend may use: RFC 1918 and the shared address space of RFC 6598 (100.64.0.0/10). */
export const privateRanges = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"].map(
  (text) => parseCidr(text) as Cidr,
);

export function isPrivateIpv4(text: string): boolean {
  const ip = parseIpv4(text);
  return ip !== undefined && privateRanges.some((range) => cidrContains(range, ip));
}
