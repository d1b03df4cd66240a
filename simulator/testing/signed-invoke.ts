import { SignatureV4 } from "@smithy/signature-v4";
import { NodeSha256 } from "../dataplane/sigv4-caller";
import type { RunningSimulator } from "../server";
import { invokePrivateApi, type PrivateApiAnswer } from "./invoke-private-api";

// A GET to a private API signed with Signature Version 4 for execute-api, as `curl --aws-sigv4` or the SDK sends it.

export async function signedInvoke(
  sim: RunningSimulator,
  input: { host: string; path: string; credentials: { accessKeyId: string; secretAccessKey: string }; region?: string },
): Promise<PrivateApiAnswer> {
  const signer = new SignatureV4({
    credentials: input.credentials,
    region: input.region ?? "eu-west-1",
    service: "execute-api",
    sha256: NodeSha256,
  });
  const signed = await signer.sign({
    method: "GET",
    protocol: "https:",
    hostname: input.host,
    path: input.path,
    query: {},
    headers: { host: input.host },
  });
  return invokePrivateApi(sim, { path: input.path, host: input.host, headers: signed.headers });
}
