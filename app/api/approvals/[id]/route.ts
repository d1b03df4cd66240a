import { decideRequest } from "@/lib/approvals/decide-request";
import { decisionSchema } from "@/lib/approvals/decision-schema";
import { db } from "@/lib/db/client";
import { apiRouteWithId } from "@/lib/http/api-route";
import { queueRunAdvance } from "@/lib/provisioning/engine/run-jobs";

// POST /api/approvals/:requestId – approve or reject the exposure or its decommission (admins; never one's own).
export const POST = apiRouteWithId({ access: "admin", body: decisionSchema }, ({ body, user, id }) =>
  decideRequest({ db: db(), queueRunAdvance }, user, id, body),
);
