import { db } from "@/lib/db/client";
import { apiRouteWithId } from "@/lib/http/api-route";
import { requestMigration } from "@/lib/requests/request-migration";

// POST /api/requests/:id/migrate – the team (or an admin) asks to move an active V1 exposure to the hub's V2 link;
// another admin decides it.
export const POST = apiRouteWithId({ access: "user" }, async ({ user, id }) => {
  await requestMigration(db(), user, id);
  return { status: "migration_pending" };
});
