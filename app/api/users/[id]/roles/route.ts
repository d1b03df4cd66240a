import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { grantRole } from "@/lib/users/grant-role";
import { grantRoleSchema } from "@/lib/users/user-schemas";

type Context = { params: Promise<{ id: string }> };

// POST /api/users/:id/roles – grant a role in a team by hand (platform admins).
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return apiRoute({ access: "admin", body: grantRoleSchema }, async ({ body, user }) => {
    const membership = await grantRole(db(), { id: user.id, label: user.email }, id, body);
    return Response.json({ id: membership.id, teamId: membership.teamId, role: membership.role }, { status: 201 });
  })(request);
}
