import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { queueRunAdvance } from "@/lib/provisioning/engine/run-jobs";
import { rerunRequest } from "@/lib/requests/rerun-request";

type Context = { params: Promise<{ id: string }> };

// POST /api/requests/:id/rerun – a new provision run after the failed one was rolled back (its team or an admin).
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return apiRoute({ access: "user" }, async ({ user }) => ({
    runId: await rerunRequest({ db: db(), queueRunAdvance }, user, id),
  }))(request);
}
