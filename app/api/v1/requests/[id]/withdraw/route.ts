import { db } from "@/lib/db/client";
import { v1Operations } from "@/lib/http/v1-operations";
import { v1Route } from "@/lib/http/v1-route";
import { withdrawRequest } from "@/lib/requests/request-lifecycle";

export const POST = v1Route(v1Operations["POST /api/v1/requests/{id}/withdraw"], async ({ caller, params }) => {
  await withdrawRequest(db(), caller.user, params.id ?? "");
  return { id: params.id, status: "withdrawn" };
});
