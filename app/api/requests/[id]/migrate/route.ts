import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { requestMigration } from "@/lib/requests/request-migration";

type Context = { params: Promise<{ id: string }> };

// POST /api/requests/:id/migrate – ask to move an active V1 exposure to the hub's V2 link; an admin decides it.
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return apiRoute({ access: "user" }, async ({ user }) => {
    await requestMigration(db(), user, id);
    return { status: "migration_pending" };
  })(request);
}
