import { db } from "@/lib/db/client";
import { v1Operations } from "@/lib/http/v1-operations";
import { v1Route } from "@/lib/http/v1-route";
import { getRequestDetails } from "@/lib/requests/request-details";

export const GET = v1Route(v1Operations["GET /api/v1/requests/{id}"], ({ caller, params }) =>
  getRequestDetails(db(), caller.user, params.id ?? ""),
);
