import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { setUserDisabled } from "@/lib/users/set-user-disabled";
import { setUserDisabledSchema } from "@/lib/users/user-schemas";

type Context = { params: Promise<{ id: string }> };

// PATCH /api/users/:id – disable or enable a user (platform admins); disabling ends their sessions and tokens.
export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return apiRoute({ access: "admin", body: setUserDisabledSchema }, async ({ body, user }) => {
    const changed = await setUserDisabled(db(), { id: user.id, label: user.email }, id, body.disabled);
    return { id: changed.id, disabled: changed.disabled };
  })(request);
}
