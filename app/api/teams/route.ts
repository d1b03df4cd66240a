import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { createTeam } from "@/lib/teams/create-team";
import { createTeamSchema } from "@/lib/teams/team-schemas";

// POST /api/teams – create a team (platform admins).
export const POST = apiRoute({ access: "admin", body: createTeamSchema }, async ({ body, user }) => {
  const team = await createTeam(db(), { id: user.id, label: user.email }, body);
  return Response.json({ id: team.id, slug: team.slug, name: team.name, kind: team.kind }, { status: 201 });
});
