import { createHmac, timingSafeEqual } from "node:crypto";

// Receivers verify a delivery by recomputing HMAC-SHA256(secret, `${timestamp}.${body}`) over the raw body and
// rejecting old timestamps (replays). The `v1=` prefix leaves room for a future scheme.

export const signatureHeader = "X-Gatehouse-Signature";
export const timestampHeader = "X-Gatehouse-Timestamp";

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex")}`;
}

/** What a receiver does; used by our tests and given in the README as the reference. */
export function verifyWebhook(
  secret: string,
  headers: { signature: string | null; timestamp: string | null },
  body: string,
  options: { nowSeconds?: number; toleranceSeconds?: number } = {},
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!headers.signature || !Number.isInteger(timestamp)) return false;
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
