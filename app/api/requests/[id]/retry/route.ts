import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { queueRunAdvance } from "@/lib/provisioning/engine/run-jobs";
import { retryAndQueue } from "@/lib/provisioning/engine/queued-run-operations";

type Context = { params: Promise<{ id: string }> };

// POST /api/requests/:id/retry – retry a failed run from the failed step (admins).
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return apiRoute({ access: "admin" }, async ({ user }) => ({
    runId: await retryAndQueue({ db: db(), queueRunAdvance }, id, { id: user.id, label: user.email }),
  }))(request);
}
