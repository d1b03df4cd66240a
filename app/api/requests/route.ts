import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { processClients } from "@/lib/aws/process-clients";
import { listRequests } from "@/lib/requests/list-requests";
import { requestFilterSchema, requestInputSchema } from "@/lib/requests/request-schemas";
import { submitRequest } from "@/lib/requests/submit-request";

// GET /api/requests?q=&status= – the requests of the user's teams (all for admins). POST – submit a request: the dry
// run runs again on the server and is stored as the plan; a blocker refuses the submission.
export const GET = apiRoute({ access: "user" }, ({ request, user }) =>
  listRequests(db(), user, requestFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams))),
);

export const POST = apiRoute(
  { access: "user", body: requestInputSchema, rateLimit: "previews" },
  async ({ body, user }) => {
    const { id } = await submitRequest({ db: db(), clients: processClients() }, user, body);
    return Response.json({ id }, { status: 201 });
  },
);
