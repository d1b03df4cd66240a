import { db } from "@/lib/db/client";
import { v1Operations } from "@/lib/http/v1-operations";
import { v1Route } from "@/lib/http/v1-route";
import { processClients } from "@/lib/aws/process-clients";
import { previewRequest } from "@/lib/requests/submit-request";
import { planInWords } from "@/lib/provisioning/plan/dry-run/plan-in-words";

export const POST = v1Route(v1Operations["POST /api/v1/requests/preview"], ({ caller, body }) =>
  previewRequest({ db: db(), clients: processClients() }, caller.user, body).then((plan) => planInWords(plan, "en")),
);
