import { describe, expect, it } from "vitest";
import { generateTokenSecret, hashTokenSecret, looksLikeTokenSecret, sameHash, visiblePrefix } from "./token-secret";

describe("token secrets", () => {
  it("are gh_pat_ plus 32 random bytes, different every time, and recognisable", () => {
    const first = generateTokenSecret();
    const second = generateTokenSecret();
    expect(first).toMatch(/^gh_pat_[A-Za-z0-9_-]{43}$/);
    expect(first).not.toBe(second);
    expect(looksLikeTokenSecret(first)).toBe(true);
    expect(looksLikeTokenSecret(`${first}x`)).toBe(false);
    expect(looksLikeTokenSecret("gh_pat_<script>")).toBe(false);
  });

  it("are stored as a SHA-256 that reveals nothing of the secret, with a short visible prefix", () => {
    const secret = generateTokenSecret();
    const hash = hashTokenSecret(secret);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(secret.slice(7, 20));
    expect(visiblePrefix(secret)).toBe(secret.slice(0, 13));
    expect(sameHash(hash, hashTokenSecret(secret))).toBe(true);
    expect(sameHash(hash, hashTokenSecret(generateTokenSecret()))).toBe(false);
  });
});
