import { describe, expect, it } from "vitest";
import { answerSignInLimit, signInLimitedMessage, signInLimitedPath } from "./answer-sign-in-limit";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { translate } from "@/lib/i18n/translate";

const limited = new AppError(
  "RATE_LIMITED",
  "Too many sign-in attempts: at most 20 a minute. Try again in 42 seconds.",
  {
    retryAfterSeconds: 42,
  },
);
const host = "http://gatehouse.test";

describe("answerSignInLimit", () => {
  it("gives the demo buttons' next-auth client the 429 with the sign-in page to go to", async () => {
    const request = new Request(`${host}/api/auth/callback/demo`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "ada.admin@gatehouse.demo", csrfToken: "x", json: "true" }).toString(),
    });
    const response = await answerSignInLimit(request, limited);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("42");
    expect(await response.json()).toMatchObject({
      code: "RATE_LIMITED",
      retryAfterSeconds: 42,
      url: `${host}/signin?error=RateLimited&retryAfter=42`,
    });
  });

  it("sends a browser coming back from the IdP, or posting a plain form, to the sign-in page", async () => {
    const fromIdp = new Request(`${host}/api/auth/callback/oidc?code=x&state=y`);
    const formPost = new Request(`${host}/api/auth/callback/demo`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=ada.admin%40gatehouse.demo",
    });
    for (const request of [fromIdp, formPost]) {
      const response = await answerSignInLimit(request, limited);
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe(`${host}/signin?error=RateLimited&retryAfter=42`);
      expect(response.headers.get("retry-after")).toBe("42");
    }
  });
});

describe("signInLimitedMessage", () => {
  const inWords = (error: string | undefined, retryAfter: string | undefined, locale: Locale = "en") => {
    const message = signInLimitedMessage(error, retryAfter);
    return message && translate(message, locale);
  };

  it("tells the person how long to wait", () => {
    const page = new URL(signInLimitedPath(42), host);
    const error = page.searchParams.get("error") ?? undefined;
    const retryAfter = page.searchParams.get("retryAfter") ?? undefined;
    expect(inWords(error, retryAfter)).toBe("Too many sign-in attempts; try again in 42 seconds.");
    expect(inWords(error, retryAfter, "zh-CN")).toBe("登录尝试过于频繁，请在 42 秒后重试。");
  });

  it("does not repeat a made-up wait, and says nothing for other errors", () => {
    expect(inWords("RateLimited", "<script>")).toBe("Too many sign-in attempts; try again in a minute.");
    expect(inWords("RateLimited", "999999")).toBe("Too many sign-in attempts; try again in a minute.");
    expect(inWords("CredentialsSignin", "42")).toBeNull();
    expect(inWords(undefined, undefined)).toBeNull();
  });
});
