import { decideRequest } from "@/lib/approvals/decide-request";
import { decisionSchema } from "@/lib/approvals/decision-schema";
import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { queueRunAdvance } from "@/lib/provisioning/engine/run-jobs";

type Context = { params: Promise<{ id: string }> };

// POST /api/approvals/:requestId – approve or reject the exposure or its decommission (admins; never one's own).
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return apiRoute({ access: "admin", body: decisionSchema }, ({ body, user }) =>
    decideRequest({ db: db(), queueRunAdvance }, user, id, body),
  )(request);
}
