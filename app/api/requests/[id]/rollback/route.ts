import { db } from "@/lib/db/client";
import { apiRouteWithId } from "@/lib/http/api-route";
import { queueRunAdvance } from "@/lib/provisioning/engine/run-jobs";
import { tearDownAndQueue } from "@/lib/provisioning/engine/queued-run-operations";

// POST /api/requests/:id/rollback – take down what a failed run created (admins).
export const POST = apiRouteWithId({ access: "admin" }, async ({ user, id }) => ({
  runId: await tearDownAndQueue({ db: db(), queueRunAdvance }, id, "rollback", { id: user.id, label: user.email }),
}));
