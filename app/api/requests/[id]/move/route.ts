import { db } from "@/lib/db/client";
import { apiRouteWithId } from "@/lib/http/api-route";
import { moveSchema, requestMove } from "@/lib/requests/request-move";

// POST /api/requests/:id/move {hubId} – a platform admin asks to move an active exposure to another hub of its
// region; another admin decides it.
export const POST = apiRouteWithId({ access: "admin", body: moveSchema }, async ({ user, id, body }) => {
  await requestMove(db(), user, id, body.hubId);
  return { status: "move_pending" };
});
