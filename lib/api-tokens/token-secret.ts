import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// A personal access token is `gh_pat_` + 32 random bytes in base64url. Only its SHA-256 is stored: a leaked table
// cannot be replayed, and a high-entropy secret needs no slow hash. The first characters are kept to tell tokens apart.

export const tokenPrefix = "gh_pat_";
const secretPattern = /^gh_pat_[A-Za-z0-9_-]{43}$/;

export function generateTokenSecret(): string {
  return tokenPrefix + randomBytes(32).toString("base64url");
}

export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** What the UI shows of a token after creation: enough to recognise it, far too little to use it. */
export function visiblePrefix(secret: string): string {
  return secret.slice(0, tokenPrefix.length + 6);
}

export function looksLikeTokenSecret(value: string): boolean {
  return secretPattern.test(value);
}

/** Constant-time comparison of two hex hashes of equal length. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}
