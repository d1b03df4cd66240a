import { db } from "@/lib/db/client";
import { v1Operations } from "@/lib/http/v1-operations";
import { v1Route } from "@/lib/http/v1-route";
import { requestMigration } from "@/lib/requests/request-migration";

export const POST = v1Route(v1Operations["POST /api/v1/requests/{id}/migrate"], async ({ caller, params }) => {
  await requestMigration(db(), caller.user, params.id ?? "");
  return { id: params.id, status: "migration_pending" };
});
