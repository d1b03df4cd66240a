import { db } from "@/lib/db/client";
import { apiRouteWithId } from "@/lib/http/api-route";
import { getRequestDetails } from "@/lib/requests/request-details";

// GET /api/requests/:id – the request page's data (polled while a run is in flight): team members and admins.
export const GET = apiRouteWithId({ access: "user" }, ({ user, id }) => getRequestDetails(db(), user, id));
