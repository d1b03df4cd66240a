import { db } from "@/lib/db/client";
import { apiRouteWithId } from "@/lib/http/api-route";
import { grantRole } from "@/lib/users/grant-role";
import { grantRoleSchema } from "@/lib/users/user-schemas";

// POST /api/users/:id/roles – grant a role in a team by hand (platform admins).
export const POST = apiRouteWithId({ access: "admin", body: grantRoleSchema }, async ({ body, user, id }) => {
  const membership = await grantRole(db(), { id: user.id, label: user.email }, id, body);
  return Response.json({ id: membership.id, teamId: membership.teamId, role: membership.role }, { status: 201 });
});
