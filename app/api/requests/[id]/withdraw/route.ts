import { requestMoveRoute } from "@/lib/http/request-move-route";
import { withdrawRequest } from "@/lib/requests/request-lifecycle";

// POST /api/requests/:id/withdraw – the team withdraws a request still waiting for approval.
export const POST = requestMoveRoute(withdrawRequest, "withdrawn");
