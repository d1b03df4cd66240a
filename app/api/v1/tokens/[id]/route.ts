import { revokeApiToken } from "@/lib/api-tokens/api-tokens";
import { db } from "@/lib/db/client";
import { v1Operations } from "@/lib/http/v1-operations";
import { v1Route } from "@/lib/http/v1-route";

export const DELETE = v1Route(v1Operations["DELETE /api/v1/tokens/{id}"], async ({ caller, params }) => ({
  token: await revokeApiToken(db(), caller.user, params.id ?? ""),
}));
