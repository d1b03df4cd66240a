import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { processClients } from "@/lib/aws/process-clients";
import { requestInputSchema } from "@/lib/requests/request-schemas";
import { previewRequest } from "@/lib/requests/submit-request";

// POST /api/requests/preview – the dry run of a wizard's input: the plan, its checks and the resource policy. Nothing
// is stored and nothing is created in AWS.
export const POST = apiRoute({ access: "user", body: requestInputSchema, rateLimit: "previews" }, ({ body, user }) =>
  previewRequest({ db: db(), clients: processClients() }, user, body),
);
