import { toPublicError, type AppError } from "@/lib/errors";
import type { Translatable } from "@/lib/i18n/translatable";

// A sign-in attempt past the limit is answered so that a person sees why on the sign-in page, not a JSON body: the
// demo buttons' next-auth client posts with `json=true` and navigates to the answer's `url` whatever its status, so it
// gets the 429 with that url; a browser navigation (the IdP's redirect back, a plain form post) is sent to the page.
// Both carry Retry-After.

const signInLimitedError = "RateLimited";

/** The sign-in page telling the person when to try again. */
export function signInLimitedPath(retryAfterSeconds: number): string {
  return `/signin?${new URLSearchParams({ error: signInLimitedError, retryAfter: String(retryAfterSeconds) })}`;
}

/** What the sign-in page says for its `error` and `retryAfter` parameters, or null when the error is not the limit. */
export function signInLimitedMessage(error: string | undefined, retryAfter: string | undefined): Translatable | null {
  if (error !== signInLimitedError) return null;
  const seconds = Number(retryAfter);
  return Number.isInteger(seconds) && seconds > 0 && seconds <= 3600
    ? { key: "signin.limitedSeconds", values: { seconds } }
    : { key: "signin.limitedMinute" };
}

export async function answerSignInLimit(request: Request, limited: AppError): Promise<Response> {
  const retryAfterSeconds = limited.retryAfterSeconds ?? 60;
  const headers = { "Retry-After": String(retryAfterSeconds) };
  const page = new URL(signInLimitedPath(retryAfterSeconds), request.url);
  if (request.method === "POST" && (await postedJsonFlag(request))) {
    const { status, body } = toPublicError(limited);
    return Response.json({ ...body, url: page.toString() }, { status, headers });
  }
  return new Response(null, { status: 303, headers: { ...headers, Location: page.toString() } });
}

async function postedJsonFlag(request: Request): Promise<boolean> {
  try {
    return (await request.clone().formData()).get("json") === "true";
  } catch {
    return false;
  }
}
