import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { webhookConfig } from "./webhook-config";

describe("webhook configuration", () => {
  it("is off without a URL, and on with a URL and a secret", () => {
    expect(webhookConfig(parseEnv({}))).toBeNull();
    expect(
      webhookConfig(
        parseEnv({
          GATEHOUSE_WEBHOOK_URL: "https://hooks.slack.com/services/T/B/X",
          GATEHOUSE_WEBHOOK_SECRET: "0123456789abcdef",
        }),
      ),
    ).toEqual({
      url: "https://hooks.slack.com/services/T/B/X",
      secret: "0123456789abcdef",
    });
  });

  it("names the variable when the URL is not http(s), the secret is short, or only one is set", () => {
    expect(() =>
      parseEnv({ GATEHOUSE_WEBHOOK_URL: "file:///etc/passwd", GATEHOUSE_WEBHOOK_SECRET: "0123456789abcdef" }),
    ).toThrow(/GATEHOUSE_WEBHOOK_URL: must be an http\(s\) URL/);
    expect(() => parseEnv({ GATEHOUSE_WEBHOOK_URL: "https://x.example", GATEHOUSE_WEBHOOK_SECRET: "short" })).toThrow(
      /GATEHOUSE_WEBHOOK_SECRET: must be at least 16/,
    );
    expect(() => parseEnv({ GATEHOUSE_WEBHOOK_URL: "https://x.example" })).toThrow(/must be set together/);
  });
});
