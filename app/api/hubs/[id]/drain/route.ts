import { db } from "@/lib/db/client";
import { drainHub } from "@/lib/hubs/drain-hub";
import { drainHubSchema } from "@/lib/hubs/hub-schemas";
import { apiRoute } from "@/lib/http/api-route";

type Context = { params: Promise<{ id: string }> };

// POST /api/hubs/:id/drain – { drained: true } stops new placements on the hub, false resumes them (admins).
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return apiRoute({ access: "admin", body: drainHubSchema }, ({ body, user }) =>
    drainHub(db(), { id: user.id, label: user.email }, id, body.drained),
  )(request);
}
