import type { AccessKey, World } from "./world";

/** Reads the access key id and the credential-scope region and service from a SigV4 Authorization header. */
export function parseSigV4(
  authorization: string | undefined,
): { accessKeyId: string; region: string; service: string } | undefined {
  const match = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(authorization ?? "");
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  return { accessKeyId: match[1], region: match[2], service: match[3] };
}

export type CallerLookup = { caller: AccessKey } | { problem: "unknown" | "expired" };

export function lookUpCaller(world: World, accessKeyId: string, now: number): CallerLookup {
  const caller = world.data.accessKeys[accessKeyId];
  if (!caller) return { problem: "unknown" };
  if (caller.expiresAt !== undefined && caller.expiresAt <= now) return { problem: "expired" };
  return { caller };
}
