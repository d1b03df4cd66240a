import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { processClients } from "@/lib/aws/process-clients";
import { withAwsErrors } from "@/lib/hubs/hub-access";
import { listGrantsOfExposure } from "@/lib/access/list-access-grants";
import { accessRequestSchema, requestAccess } from "@/lib/access/request-access";

type Context = { params: Promise<{ id: string }> };

// GET /api/requests/:id/access – who consumes the exposure (members of either team see theirs, admins all).
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return apiRoute({ access: "user" }, ({ user }) => listGrantsOfExposure(db(), user, id))(request);
}

// POST /api/requests/:id/access – a consumer team asks for access through one of its execute-api endpoints (checked
// live in its account); 201 with the pending grant.
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return apiRoute({ access: "user", body: accessRequestSchema, rateLimit: "discovery" }, async ({ body, user }) => {
    const grant = await withAwsErrors(() => requestAccess({ db: db(), clients: processClients() }, user, id, body));
    return Response.json({ id: grant.id, status: grant.status }, { status: 201 });
  })(request);
}
