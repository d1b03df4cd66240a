import { requestMoveRoute } from "@/lib/http/request-move-route";
import { requestMigration } from "@/lib/requests/request-migration";

// POST /api/requests/:id/migrate – the team (or an admin) asks to move an active V1 exposure to the hub's V2 link;
// another admin decides it.
export const POST = requestMoveRoute(requestMigration, "migration_pending");
