import { db } from "@/lib/db/client";
import { v1Operations } from "@/lib/http/v1-operations";
import { v1Route } from "@/lib/http/v1-route";
import { requestDecommission } from "@/lib/requests/request-lifecycle";

export const POST = v1Route(v1Operations["POST /api/v1/requests/{id}/decommission"], async ({ caller, params }) => {
  await requestDecommission(db(), caller.user, params.id ?? "");
  return { id: params.id, status: "decommission_pending" };
});
