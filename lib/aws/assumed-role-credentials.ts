import { AssumeRoleCommand, type STSClient } from "@aws-sdk/client-sts";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@aws-sdk/types";

// Credentials for a target account: STS AssumeRole with the account's ExternalId, cached until shortly before they
// expire. They live in memory only: never stored, never logged.

export type RoleTarget = { roleArn: string; externalId: string; sessionName: string };

export type CredentialCache = {
  /** A provider the SDK calls before each request; it assumes the role only when no fresh credentials are cached. */
  providerFor(target: RoleTarget): AwsCredentialIdentityProvider;
};

export function createCredentialCache(options: {
  sts: STSClient;
  now?: () => number;
  refreshMarginMs?: number;
  durationSeconds?: number;
}): CredentialCache {
  const now = options.now ?? Date.now;
  const margin = options.refreshMarginMs ?? 5 * 60_000;
  const cache = new Map<string, Promise<AwsCredentialIdentity>>();

  const assume = async (target: RoleTarget): Promise<AwsCredentialIdentity> => {
    const { Credentials } = await options.sts.send(
      new AssumeRoleCommand({
        RoleArn: target.roleArn,
        ExternalId: target.externalId,
        RoleSessionName: target.sessionName,
        DurationSeconds: options.durationSeconds ?? 3600,
      }),
    );
    if (
      !Credentials?.AccessKeyId ||
      !Credentials.SecretAccessKey ||
      !Credentials.SessionToken ||
      !Credentials.Expiration
    ) {
      throw new Error(`STS returned incomplete credentials for ${target.roleArn}`);
    }
    return {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretAccessKey,
      sessionToken: Credentials.SessionToken,
      expiration: Credentials.Expiration,
    };
  };

  return {
    providerFor(target) {
      const key = `${target.roleArn}|${target.externalId}|${target.sessionName}`;
      return async () => {
        const cached = cache.get(key);
        const current = cached && (await cached.catch(() => undefined));
        if (current?.expiration && current.expiration.getTime() - margin > now()) return current;
        const fresh = assume(target);
        cache.set(key, fresh);
        fresh.catch(() => cache.delete(key));
        return fresh;
      };
    },
  };
}

/** Session names must match [\w+=,.@-]{2,64}; Gatehouse names each session after what it works on. */
export function roleSessionName(purpose: string): string {
  const cleaned = `gatehouse-${purpose}`.replace(/[^\w+=,.@-]/g, "-");
  return cleaned.slice(0, 64);
}
