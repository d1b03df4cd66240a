import { db } from "@/lib/db/client";
import { apiRouteWithId } from "@/lib/http/api-route";
import { withdrawRequest } from "@/lib/requests/request-lifecycle";

// POST /api/requests/:id/withdraw – the team withdraws a request still waiting for approval.
export const POST = apiRouteWithId({ access: "user" }, async ({ user, id }) => {
  await withdrawRequest(db(), user, id);
  return { status: "withdrawn" };
});
