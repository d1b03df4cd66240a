import { db } from "@/lib/db/client";
import { apiRouteWithId } from "@/lib/http/api-route";
import { setUserDisabled } from "@/lib/users/set-user-disabled";
import { setUserDisabledSchema } from "@/lib/users/user-schemas";

// PATCH /api/users/:id – disable or enable a user (platform admins); disabling ends their sessions and tokens.
export const PATCH = apiRouteWithId({ access: "admin", body: setUserDisabledSchema }, async ({ body, user, id }) => {
  const changed = await setUserDisabled(db(), { id: user.id, label: user.email }, id, body.disabled);
  return { id: changed.id, disabled: changed.disabled };
});
