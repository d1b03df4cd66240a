import { NextResponse } from "next/server";
import { z } from "zod";
import { authenticateApiToken } from "@/lib/api-tokens/api-tokens";
import type { TokenScope } from "@/lib/api-tokens/token-scopes";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import { actingThroughToken } from "@/lib/audit/token-actor";
import { getCurrentUser } from "@/lib/auth/current-user";
import { isPlatformAdmin, type CurrentUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { enforceRateLimit } from "@/lib/rate-limits/enforce-rate-limit";
import type { RateLimitName } from "@/lib/rate-limits/rate-limit-rules";
import { errorResponse, parseBody } from "./api-route";
import { readLimitedJson } from "./request-body";
import { assertSameOrigin } from "./same-origin";

// Every /api/v1 route goes through here. Two ways in:
// - `Authorization: Bearer gh_pat_…`: the token's user, limited to the token's scopes. No cookies are involved, so no
//   CSRF check; the audit log names the actor `token:<name>`.
// - the browser session: all scopes, and mutations must pass the same Origin check as every other API route.
// Either way the domain functions then apply the user's own roles, exactly as for the UI.

export type ApiCaller = {
  user: CurrentUser;
  actor: AuditActor;
  token: { id: string; name: string } | null;
};

type RouteContext = { params: Promise<Record<string, string>> };

type V1Options<Body extends z.ZodType, Query extends z.ZodType> = {
  /** The scope a token needs; `session` for routes no token may call (managing tokens). */
  scope: TokenScope | "session";
  /** Platform admins only, as on the matching pages (for tokens and sessions alike). */
  admin?: boolean;
  body?: Body;
  query?: Query;
  /** Counted per user (token or session alike) before the handler runs; a 429 past the limit. */
  rateLimit?: RateLimitName;
};

type V1Handler<Body, Query> = (input: {
  request: Request;
  caller: ApiCaller;
  body: Body;
  query: Query;
  params: Record<string, string>;
}) => Promise<unknown>;

export function v1Route<Body extends z.ZodType = z.ZodUndefined, Query extends z.ZodType = z.ZodUndefined>(
  options: V1Options<Body, Query>,
  handler: V1Handler<z.infer<Body>, z.infer<Query>>,
): (request: Request, context: RouteContext) => Promise<Response> {
  return async (request, context) => {
    try {
      const caller = await authenticate(request, options.scope);
      if (options.admin && !isPlatformAdmin(caller.user)) throw new AppError("FORBIDDEN", { key: "errors.FORBIDDEN" });
      const query = options.query
        ? parseBody(options.query, Object.fromEntries(new URL(request.url).searchParams))
        : undefined;
      const body = options.body ? parseBody(options.body, await readLimitedJson(request)) : undefined;
      if (options.rateLimit) await enforceRateLimit(db(), options.rateLimit, caller.user.id);
      const params = context?.params ? await context.params : {};
      const run = () =>
        handler({ request, caller, body: body as z.infer<Body>, query: query as z.infer<Query>, params });
      const result = caller.token
        ? await actingThroughToken({ userId: caller.user.id, name: caller.token.name }, run)
        : await run();
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      return errorResponse(request, error);
    }
  };
}

/** 201 with the created resource. */
export function created(resource: unknown): Response {
  return NextResponse.json(resource, { status: 201 });
}

async function authenticate(request: Request, scope: TokenScope | "session"): Promise<ApiCaller> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match?.[1])
      throw new AppError("UNAUTHENTICATED", {
        key: "errors.http.bearerFormat",
        values: { header: "Authorization: Bearer <token>" },
      });
    const { user, token } = await authenticateApiToken(db(), match[1]);
    if (scope === "session") throw new AppError("FORBIDDEN", { key: "errors.http.tokensCannot" });
    if (!token.scopes.has(scope)) throw new AppError("FORBIDDEN", { key: "errors.http.lacksScope", values: { scope } });
    return { user, actor: { id: user.id, label: `token:${token.name}` }, token: { id: token.id, name: token.name } };
  }
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", { key: "errors.http.signInOrToken" });
  assertSameOrigin(request, env().AUTH_URL);
  return { user, actor: { id: user.id, label: user.email }, token: null };
}
