import { revokeApiToken } from "@/lib/api-tokens/api-tokens";
import { db } from "@/lib/db/client";
import { v1Route } from "@/lib/http/v1-route";

// DELETE /api/v1/tokens/{id} – revokes one of the caller's own tokens at once. Signed-in sessions only.
export const DELETE = v1Route({ scope: "session" }, async ({ caller, params }) => ({
  token: await revokeApiToken(db(), caller.user, params.id ?? ""),
}));
