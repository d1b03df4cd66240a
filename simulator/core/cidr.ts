// IPv4 CIDR arithmetic for subnets, routes and target rules.

export function ipToNumber(ip: string): number {
  const parts = ip.split(".").map(Number);
  if (parts.length !== 4 || parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255)) {
    throw new Error(`not an IPv4 address: ${ip}`);
  }
  return parts.reduce((value, part) => value * 256 + part, 0);
}

export function numberToIp(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}

export function isIpv4(value: string): boolean {
  try {
    ipToNumber(value);
    return true;
  } catch {
    return false;
  }
}

export function parseCidr(cidr: string): { base: number; size: number } {
  const [ip, bits] = cidr.split("/");
  const prefix = Number(bits);
  if (!ip || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) throw new Error(`not a CIDR block: ${cidr}`);
  const size = 2 ** (32 - prefix);
  return { base: ipToNumber(ip) - (ipToNumber(ip) % size), size };
}

export function cidrContains(cidr: string, ip: string): boolean {
  const { base, size } = parseCidr(cidr);
  const value = ipToNumber(ip);
  return value >= base && value < base + size;
}

/** The private ranges a load balancer may target outside its VPC: RFC 1918 and RFC 6598 (carrier-grade NAT). */
export const privateTargetRanges = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"] as const;

export function isPrivateTargetIp(ip: string): boolean {
  return isIpv4(ip) && privateTargetRanges.some((range) => cidrContains(range, ip));
}

/** The usable host addresses of a subnet as AWS hands them out: the first four and the last are reserved. */
export function nextFreeIp(cidr: string, taken: ReadonlySet<string>): string | undefined {
  const { base, size } = parseCidr(cidr);
  for (let offset = 4; offset < size - 1; offset += 1) {
    const ip = numberToIp(base + offset);
    if (!taken.has(ip)) return ip;
  }
  return undefined;
}
