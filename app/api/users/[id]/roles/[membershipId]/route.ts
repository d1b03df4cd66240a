import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { revokeRole } from "@/lib/users/revoke-role";

type Context = { params: Promise<{ id: string; membershipId: string }> };

// DELETE /api/users/:id/roles/:membershipId – revoke a hand grant (platform admins); never the last platform admin.
export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  const { id, membershipId } = await params;
  return apiRoute({ access: "admin" }, async ({ user }) => {
    await revokeRole(db(), { id: user.id, label: user.email }, id, membershipId);
    return { revoked: membershipId };
  })(request);
}
