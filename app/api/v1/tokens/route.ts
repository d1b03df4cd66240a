import { createApiToken, listApiTokens } from "@/lib/api-tokens/api-tokens";
import { db } from "@/lib/db/client";
import { v1Operations } from "@/lib/http/v1-operations";
import { created, v1Route } from "@/lib/http/v1-route";

// Signed-in sessions only: a token cannot list or mint tokens.
export const GET = v1Route(v1Operations["GET /api/v1/tokens"], async ({ caller }) => ({
  tokens: await listApiTokens(db(), caller.user.id),
}));

export const POST = v1Route(v1Operations["POST /api/v1/tokens"], async ({ caller, body }) =>
  created(await createApiToken(db(), caller.user, body)),
);
