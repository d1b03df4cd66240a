import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhook } from "./webhook-signature";

describe("webhook signatures", () => {
  const secret = "a-secret-of-some-length";
  const body = '{"text":"hello"}';

  it("verify for the same secret, timestamp and body only", () => {
    const signature = signWebhook(secret, 1_700_000_000, body);
    expect(signature).toMatch(/^v1=[0-9a-f]{64}$/);
    const headers = { signature, timestamp: "1700000000" };
    expect(verifyWebhook(secret, headers, body, { nowSeconds: 1_700_000_010 })).toBe(true);
    expect(verifyWebhook("another-secret-entirely", headers, body, { nowSeconds: 1_700_000_010 })).toBe(false);
    expect(verifyWebhook(secret, headers, '{"text":"hellO"}', { nowSeconds: 1_700_000_010 })).toBe(false);
    expect(verifyWebhook(secret, { signature, timestamp: "1700000001" }, body, { nowSeconds: 1_700_000_010 })).toBe(
      false,
    );
  });

  it("refuse a replay older than the tolerance and missing headers", () => {
    const signature = signWebhook(secret, 1_700_000_000, body);
    expect(verifyWebhook(secret, { signature, timestamp: "1700000000" }, body, { nowSeconds: 1_700_001_000 })).toBe(
      false,
    );
    expect(
      verifyWebhook(secret, { signature: null, timestamp: "1700000000" }, body, { nowSeconds: 1_700_000_000 }),
    ).toBe(false);
  });
});
