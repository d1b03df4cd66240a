import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { withdrawRequest } from "@/lib/requests/request-lifecycle";

type Context = { params: Promise<{ id: string }> };

// POST /api/requests/:id/withdraw – the team withdraws a request still waiting for approval.
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return apiRoute({ access: "user" }, async ({ user }) => {
    await withdrawRequest(db(), user, id);
    return { status: "withdrawn" };
  })(request);
}
