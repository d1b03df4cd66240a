import { db } from "@/lib/db/client";
import { apiRouteWithId } from "@/lib/http/api-route";
import { queueRunAdvance } from "@/lib/provisioning/engine/run-jobs";
import { rerunRequest } from "@/lib/requests/rerun-request";

// POST /api/requests/:id/rerun – a new provision run after the failed one was rolled back (its team or an admin).
export const POST = apiRouteWithId({ access: "user" }, async ({ user, id }) => ({
  runId: await rerunRequest({ db: db(), queueRunAdvance }, user, id),
}));
