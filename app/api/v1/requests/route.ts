import { db } from "@/lib/db/client";
import { v1Operations } from "@/lib/http/v1-operations";
import { created, v1Route } from "@/lib/http/v1-route";
import { processClients } from "@/lib/aws/process-clients";
import { listRequests } from "@/lib/requests/list-requests";
import { submitRequest } from "@/lib/requests/submit-request";

export const GET = v1Route(v1Operations["GET /api/v1/requests"], async ({ caller, query }) => ({
  requests: await listRequests(db(), caller.user, query),
}));

export const POST = v1Route(v1Operations["POST /api/v1/requests"], async ({ caller, body }) =>
  created(await submitRequest({ db: db(), clients: processClients() }, caller.user, body)),
);
