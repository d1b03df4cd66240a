import { NextResponse } from "next/server";
import { z } from "zod";
import { requireAdmin, requireUser } from "@/lib/auth/current-user";
import type { CurrentUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError, toPublicError, type FieldErrors } from "@/lib/errors";
import { defaultLocale, type Locale } from "@/lib/i18n/locales";
import { localeOfRequest } from "@/lib/i18n/locale-of-request";
import { zodErrorMapFor } from "@/lib/i18n/zod-error-map";
import { enforceRateLimit } from "@/lib/rate-limits/enforce-rate-limit";
import type { RateLimitName } from "@/lib/rate-limits/rate-limit-rules";
import { readLimitedJson } from "./request-body";
import { assertSameOrigin } from "./same-origin";

// Every API route goes through here: reject cross-site mutations, authorize, read the body capped (413) and validate
// it with zod (a 422 that names each bad field), run, and map errors to HTTP in one place. Unknown errors are logged,
// never returned.

type Access = "public" | "user" | "admin";

type RouteOptions<A extends Access, Schema extends z.ZodType> = {
  access: A;
  body?: Schema;
  /** Counted per signed-in user before the handler runs (routes that call AWS); a 429 past the limit. */
  rateLimit?: A extends "public" ? never : RateLimitName;
};

type HandlerInput<Body, Actor> = { request: Request; body: Body; user: Actor };
type Handler<Body, Actor> = (input: HandlerInput<Body, Actor>) => Promise<unknown>;

type ActorFor<A extends Access> = A extends "public" ? null : CurrentUser;

export function apiRoute<A extends Access, Schema extends z.ZodType = z.ZodUndefined>(
  options: RouteOptions<A, Schema>,
  handler: Handler<z.infer<Schema>, ActorFor<A>>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    let locale = localeOfRequest(request);
    try {
      assertSameOrigin(request, env().AUTH_URL);
      const user = (await authorize(options.access)) as ActorFor<A>;
      if (user) locale = localeOfRequest(request, user.locale);
      const body = options.body
        ? parseBody(options.body, await readLimitedJson(request), locale)
        : (undefined as z.infer<Schema>);
      if (options.rateLimit && user) await enforceRateLimit(db(), options.rateLimit, user.id);
      const result = await handler({ request, body, user });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      return errorResponse(request, error, locale);
    }
  };
}

/** `apiRoute` for a route under an `[id]` folder: the handler also gets the path's `id`. */
export function apiRouteWithId<A extends Access, Schema extends z.ZodType = z.ZodUndefined>(
  options: RouteOptions<A, Schema>,
  handler: (input: HandlerInput<z.infer<Schema>, ActorFor<A>> & { id: string }) => Promise<unknown>,
): (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response> {
  return async (request, { params }) => {
    const { id } = await params;
    return apiRoute(options, (input) => handler({ ...input, id }))(request);
  };
}

/** The one mapping from a thrown error to an HTTP answer; unknown errors are logged, never returned. */
export function errorResponse(request: Request, error: unknown, locale: Locale = defaultLocale): Response {
  const { status, body } = toPublicError(error, locale);
  if (status >= 500) console.error(`${request.method} ${new URL(request.url).pathname} failed:`, error);
  const headers = body.retryAfterSeconds === undefined ? undefined : { "Retry-After": String(body.retryAfterSeconds) };
  return NextResponse.json(body, { status, headers });
}

async function authorize(access: Access): Promise<CurrentUser | null> {
  if (access === "public") return null;
  return access === "admin" ? requireAdmin() : requireUser();
}

/** `value` checked by `schema`; zod's own messages in `locale` (a schema's own messages are catalogue keys). */
export function parseBody<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  locale: Locale = defaultLocale,
): z.infer<Schema> {
  const parsed = schema.safeParse(value, { error: zodErrorMapFor(locale) });
  if (parsed.success) return parsed.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.join(".") || "body";
    (fieldErrors[field] ??= []).push(issue.message);
  }
  throw new AppError(
    "VALIDATION_FAILED",
    { key: "errors.VALIDATION_FAILED", values: { fields: Object.keys(fieldErrors).join(", ") } },
    { fieldErrors },
  );
}
