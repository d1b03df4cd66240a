import { db } from "@/lib/db/client";
import { apiRouteWithId } from "@/lib/http/api-route";
import { queueRunAdvance } from "@/lib/provisioning/engine/run-jobs";
import { retryAndQueue } from "@/lib/provisioning/engine/queued-run-operations";

// POST /api/requests/:id/retry – retry a failed run from the failed step (admins).
export const POST = apiRouteWithId({ access: "admin" }, async ({ user, id }) => ({
  runId: await retryAndQueue({ db: db(), queueRunAdvance }, id, { id: user.id, label: user.email }),
}));
