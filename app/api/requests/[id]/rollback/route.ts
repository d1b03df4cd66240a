import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { queueRunAdvance } from "@/lib/provisioning/engine/run-jobs";
import { tearDownAndQueue } from "@/lib/provisioning/engine/queued-run-operations";

type Context = { params: Promise<{ id: string }> };

// POST /api/requests/:id/rollback – take down what a failed run created (admins).
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return apiRoute({ access: "admin" }, async ({ user }) => ({
    runId: await tearDownAndQueue({ db: db(), queueRunAdvance }, id, "rollback", { id: user.id, label: user.email }),
  }))(request);
}
