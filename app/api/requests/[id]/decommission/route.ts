import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { requestDecommission } from "@/lib/requests/request-lifecycle";

type Context = { params: Promise<{ id: string }> };

// POST /api/requests/:id/decommission – the team asks to retire an active exposure; an admin decides it.
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return apiRoute({ access: "user" }, async ({ user }) => {
    await requestDecommission(db(), user, id);
    return { status: "decommission_pending" };
  })(request);
}
