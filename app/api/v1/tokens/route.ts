import { createApiToken, listApiTokens } from "@/lib/api-tokens/api-tokens";
import { findTokenIdleStop } from "@/lib/api-tokens/token-idleness";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { v1Operations } from "@/lib/http/v1-operations";
import { created, v1Route } from "@/lib/http/v1-route";

// Signed-in sessions only: a token cannot list or mint tokens. `idleStopsAt`: when every token of the caller stops
// unless they sign in again before it (GATEHOUSE_TOKEN_IDLE_DAYS).
export const GET = v1Route(v1Operations["GET /api/v1/tokens"], async ({ caller }) => ({
  tokens: await listApiTokens(db(), caller.user.id),
  idleDays: env().GATEHOUSE_TOKEN_IDLE_DAYS,
  idleStopsAt: await findTokenIdleStop(db(), caller.user.id, env().GATEHOUSE_TOKEN_IDLE_DAYS),
}));

export const POST = v1Route(v1Operations["POST /api/v1/tokens"], async ({ caller, body }) =>
  created(await createApiToken(db(), caller.user, body)),
);
