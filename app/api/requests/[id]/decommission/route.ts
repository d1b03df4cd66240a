import { db } from "@/lib/db/client";
import { apiRouteWithId } from "@/lib/http/api-route";
import { requestDecommission } from "@/lib/requests/request-lifecycle";

// POST /api/requests/:id/decommission – the team asks to retire an active exposure; an admin decides it.
export const POST = apiRouteWithId({ access: "user" }, async ({ user, id }) => {
  await requestDecommission(db(), user, id);
  return { status: "decommission_pending" };
});
