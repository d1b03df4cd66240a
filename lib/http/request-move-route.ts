import { apiRoute } from "./api-route";
import type { CurrentUser } from "@/lib/auth/permissions";
import { db, type Db } from "@/lib/db/client";

type Context = { params: Promise<{ id: string }> };

/**
 * POST /api/requests/:id/<move> for a signed-in user: the team's (or an admin's) move of one request to another
 * status (withdraw, ask for a decommission or a migration), answered with the status it moved to.
 */
export function requestMoveRoute(
  move: (db: Db, user: CurrentUser, requestId: string) => Promise<void>,
  status: string,
): (request: Request, context: Context) => Promise<Response> {
  return async (request, { params }) => {
    const { id } = await params;
    return apiRoute({ access: "user" }, async ({ user }) => {
      await move(db(), user, id);
      return { status };
    })(request);
  };
}
