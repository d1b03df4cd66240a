import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";

// The portal's own identity (default credential chain), as the principal a target account's role must trust.
// Read once per process with STS GetCallerIdentity, which needs no IAM permission.

let cached: Promise<string> | undefined;

export function portalPrincipalArn(sts: STSClient = new STSClient({})): Promise<string> {
  if (!cached) {
    cached = sts.send(new GetCallerIdentityCommand({})).then(({ Arn }) => {
      if (!Arn) throw new Error("STS GetCallerIdentity returned no ARN");
      return trustablePrincipalArn(Arn);
    });
    cached.catch(() => (cached = undefined));
  }
  return cached;
}

/**
 * A trust policy cannot name an STS session: an assumed-role caller (`arn:aws:sts::1:assumed-role/name/session`) is
 * trusted through its role (`arn:aws:iam::1:role/name`). Users and roles are returned unchanged.
 */
export function trustablePrincipalArn(callerArn: string): string {
  const session = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(callerArn);
  return session ? `arn:${session[1]}:iam::${session[2]}:role/${session[3]}` : callerArn;
}
