import { verifyAccount } from "@/lib/accounts/verify-account";
import { db } from "@/lib/db/client";
import { apiRouteWithId } from "@/lib/http/api-route";

// POST /api/accounts/:id/verify – assume the account's role and check every permission it needs (admins).
export const POST = apiRouteWithId({ access: "admin", rateLimit: "verifications" }, ({ user, id }) =>
  verifyAccount(db(), { id: user.id, label: user.email }, id),
);
