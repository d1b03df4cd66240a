import { db } from "@/lib/db/client";
import { v1Operations } from "@/lib/http/v1-operations";
import { v1Route } from "@/lib/http/v1-route";
import { queueRunAdvance } from "@/lib/provisioning/engine/run-jobs";
import { rerunRequest } from "@/lib/requests/rerun-request";

export const POST = v1Route(v1Operations["POST /api/v1/requests/{id}/rerun"], async ({ caller, params }) => ({
  id: params.id,
  status: "provisioning",
  runId: await rerunRequest({ db: db(), queueRunAdvance }, caller.user, params.id ?? ""),
}));
