import { createHash, createHmac, type Hash, type Hmac } from "node:crypto";
import type { SourceData } from "@smithy/types";
import { SignatureV4 } from "@smithy/signature-v4";
import type { SimulatorRuntime } from "../core/service";
import { lookUpCaller } from "../core/identity";
import { gatewayAnswers, HopBroken } from "./gateway-responses";

// The caller of a method with authorizationType AWS_IAM, from its Signature Version 4 signature (API Gateway developer
// guide, "Control access to a REST API with IAM permissions"; IAM user guide, "Signature Version 4 signing process").
// An unsigned call is answered 403 {"message":"Missing Authentication Token"}, an unknown key 403 "The security token
// included in the request is invalid.", a signature that does not match 403 InvalidSignatureException; the simulator
// verifies it by signing the same request again with the key's secret (@smithy/signature-v4, the SDK's own signer).

export type SignedCaller = { arn: string; accountId: string };

/** node:crypto in the shape the signer expects (a Checksum constructor; with a secret it is an HMAC). */
export class NodeSha256 {
  private hash: Hash | Hmac;
  private readonly secret: string | Uint8Array | undefined;
  constructor(secret?: SourceData) {
    this.secret =
      secret instanceof ArrayBuffer
        ? new Uint8Array(secret)
        : ArrayBuffer.isView(secret)
          ? new Uint8Array(secret.buffer, secret.byteOffset, secret.byteLength)
          : secret;
    this.hash = this.fresh();
  }
  private fresh() {
    return this.secret === undefined ? createHash("sha256") : createHmac("sha256", this.secret);
  }
  update(data: SourceData): void {
    this.hash.update(
      typeof data === "string"
        ? data
        : ArrayBuffer.isView(data)
          ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
          : new Uint8Array(data),
    );
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

const authorizationPattern =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/;

const refuse = (reason: string, message: string, errorType: string) =>
  new HopBroken("restApi.routes", reason, { status: 403, body: JSON.stringify({ message }), errorType });

/** The signed request as it arrived: the method, the raw path with its query, its headers and body. */
export type ArrivedRequest = {
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  body: string;
};

export async function authenticateSignedCall(sim: SimulatorRuntime, request: ArrivedRequest): Promise<SignedCaller> {
  const authorization = request.headers.authorization;
  if (!authorization) {
    throw new HopBroken(
      "restApi.routes",
      "the method uses AWS_IAM and the call is not signed",
      gatewayAnswers.missingAuthenticationToken(),
    );
  }
  const parsed = authorizationPattern.exec(authorization);
  const [, accessKeyId = "", , region = "", service = "", signedHeaders = "", signature = ""] = parsed ?? [];
  const found = lookUpCaller(sim.world, accessKeyId, sim.now());
  if (!parsed || !("caller" in found))
    throw refuse(
      `unknown access key ${accessKeyId || "(unreadable signature)"}`,
      "The security token included in the request is invalid.",
      "UnrecognizedClientException",
    );
  const signedNames = signedHeaders.split(";");
  const headers = Object.fromEntries(
    signedNames.map((name) => [name, request.headers[name] ?? ""] as const).filter(([, value]) => value !== ""),
  );
  const [pathname = "/", query = ""] = request.path.split("?", 2);
  const signer = new SignatureV4({
    credentials: { accessKeyId, secretAccessKey: found.caller.secretAccessKey },
    region,
    service,
    sha256: NodeSha256,
  });
  const amzDate = request.headers["x-amz-date"] ?? "";
  const signingDate = new Date(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  );
  const resigned = await signer
    .sign(
      {
        method: request.method,
        protocol: "https:",
        hostname: request.headers.host ?? "",
        path: pathname,
        query: Object.fromEntries(new URLSearchParams(query)),
        headers,
        body: request.body || undefined,
      },
      { signingDate, signableHeaders: new Set(signedNames) },
    )
    .catch(() => undefined);
  const expected = /Signature=([0-9a-f]{64})/.exec(String(resigned?.headers.authorization ?? ""))?.[1];
  if (expected !== signature)
    throw refuse(
      `the signature of ${accessKeyId} does not match the request`,
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
      "InvalidSignatureException",
    );
  return { arn: found.caller.arn, accountId: found.caller.accountId };
}
