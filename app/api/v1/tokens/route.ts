import { createApiToken, listApiTokens } from "@/lib/api-tokens/api-tokens";
import { createTokenSchema } from "@/lib/api-tokens/token-schemas";
import { db } from "@/lib/db/client";
import { created, v1Route } from "@/lib/http/v1-route";

// GET /api/v1/tokens – the caller's tokens (never their secrets). POST – a new token; its secret is in this answer only.
// Signed-in sessions only: a token cannot mint or list tokens.
export const GET = v1Route({ scope: "session" }, async ({ caller }) => ({
  tokens: await listApiTokens(db(), caller.user.id),
}));

export const POST = v1Route({ scope: "session", body: createTokenSchema }, async ({ caller, body }) =>
  created(await createApiToken(db(), caller.user, body)),
);
