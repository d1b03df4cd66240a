import { describe, expect, it } from "vitest";
import { answerSignInLimit, signInLimitedMessage, signInLimitedPath } from "./answer-sign-in-limit";
import { AppError } from "@/lib/errors";

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
  it("tells the person how long to wait", () => {
    const page = new URL(signInLimitedPath(42), host);
    expect(
      signInLimitedMessage(
        page.searchParams.get("error") ?? undefined,
        page.searchParams.get("retryAfter") ?? undefined,
      ),
    ).toBe("Too many sign-in attempts; try again in 42 seconds.");
  });

  it("does not repeat a made-up wait, and says nothing for other errors", () => {
    expect(signInLimitedMessage("RateLimited", "<script>")).toBe("Too many sign-in attempts; try again in a minute.");
    expect(signInLimitedMessage("RateLimited", "999999")).toBe("Too many sign-in attempts; try again in a minute.");
    expect(signInLimitedMessage("CredentialsSignin", "42")).toBeNull();
    expect(signInLimitedMessage(undefined, undefined)).toBeNull();
  });
});
