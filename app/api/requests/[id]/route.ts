import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { getRequestDetails } from "@/lib/requests/request-details";

type Context = { params: Promise<{ id: string }> };

// GET /api/requests/:id – the request page's data (polled while a run is in flight): team members and admins.
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return apiRoute({ access: "user" }, ({ user }) => getRequestDetails(db(), user, id))(request);
}
