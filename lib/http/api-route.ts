import { NextResponse } from "next/server";
import { z } from "zod";
import { requireAdmin, requireUser } from "@/lib/auth/current-user";
import type { CurrentUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError, toPublicError, type FieldErrors } from "@/lib/errors";
import { enforceRateLimit } from "@/lib/rate-limits/enforce-rate-limit";
import type { RateLimitName } from "@/lib/rate-limits/rate-limit-rules";

// Every API route goes through here: reject cross-site mutations, authorize, validate the body with zod (a 422 that
// names each bad field), run, and map errors to HTTP in one place. Unknown errors are logged, never returned.

type Access = "public" | "user" | "admin";

type RouteOptions<A extends Access, Schema extends z.ZodType> = {
  access: A;
  body?: Schema;
  /** Counted per signed-in user before the handler runs (routes that call AWS); a 429 past the limit. */
  rateLimit?: A extends "public" ? never : RateLimitName;
};

type Handler<Body, Actor> = (input: { request: Request; body: Body; user: Actor }) => Promise<unknown>;

type ActorFor<A extends Access> = A extends "public" ? null : CurrentUser;

export function apiRoute<A extends Access, Schema extends z.ZodType = z.ZodUndefined>(
  options: RouteOptions<A, Schema>,
  handler: Handler<z.infer<Schema>, ActorFor<A>>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      assertSameOrigin(request);
      const user = (await authorize(options.access)) as ActorFor<A>;
      const body = options.body ? parseBody(options.body, await readJson(request)) : (undefined as z.infer<Schema>);
      if (options.rateLimit && user) await enforceRateLimit(db(), options.rateLimit, user.id);
      const result = await handler({ request, body, user });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      return errorResponse(request, error);
    }
  };
}

/** The one mapping from a thrown error to an HTTP answer; unknown errors are logged, never returned. */
export function errorResponse(request: Request, error: unknown): Response {
  const { status, body } = toPublicError(error);
  if (status >= 500) console.error(`${request.method} ${new URL(request.url).pathname} failed:`, error);
  const headers = body.retryAfterSeconds === undefined ? undefined : { "Retry-After": String(body.retryAfterSeconds) };
  return NextResponse.json(body, { status, headers });
}

async function authorize(access: Access): Promise<CurrentUser | null> {
  if (access === "public") return null;
  return access === "admin" ? requireAdmin() : requireUser();
}

/** Mutations must come from our own pages: the browser's Origin (or Referer) must name this host. */
export function assertSameOrigin(request: Request): void {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return;
  const source = request.headers.get("origin") ?? request.headers.get("referer");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!source || !host || new URL(source).host !== host) {
    throw new AppError("FORBIDDEN", "Cross-site requests are not accepted.");
  }
}

export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError("VALIDATION_FAILED", "The request body must be JSON.");
  }
}

export function parseBody<Schema extends z.ZodType>(schema: Schema, value: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.join(".") || "body";
    (fieldErrors[field] ??= []).push(issue.message);
  }
  throw new AppError("VALIDATION_FAILED", `Invalid ${Object.keys(fieldErrors).join(", ")}.`, { fieldErrors });
}
