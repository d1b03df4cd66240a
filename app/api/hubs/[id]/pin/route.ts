import { db } from "@/lib/db/client";
import { pinTeamSchema } from "@/lib/hubs/hub-schemas";
import { pinTeamToHub } from "@/lib/hubs/pin-team-to-hub";
import { apiRoute } from "@/lib/http/api-route";

type Context = { params: Promise<{ id: string }> };

// POST /api/hubs/:id/pin – { teamId, pinned } pins the team's new exposures in the hub's region to this hub (admins).
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return apiRoute({ access: "admin", body: pinTeamSchema }, ({ body, user }) =>
    pinTeamToHub(db(), { id: user.id, label: user.email }, { hubId: id, ...body }),
  )(request);
}
