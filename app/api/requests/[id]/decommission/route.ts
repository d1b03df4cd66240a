import { requestMoveRoute } from "@/lib/http/request-move-route";
import { requestDecommission } from "@/lib/requests/request-lifecycle";

// POST /api/requests/:id/decommission – the team asks to retire an active exposure; an admin decides it.
export const POST = requestMoveRoute(requestDecommission, "decommission_pending");
