import { catalogEntryPatchSchema } from "@/lib/catalog/catalog-schemas";
import { updateCatalogEntry } from "@/lib/catalog/update-catalog-entry";
import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";

type Context = { params: Promise<{ id: string }> };

// PATCH /api/catalog/:id – the owning team's requesters change the API's description and contact (403 for anyone
// else, 404 when it is not in the catalog).
export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return apiRoute({ access: "user", body: catalogEntryPatchSchema }, ({ user, body }) =>
    updateCatalogEntry(db(), user, { id: user.id, label: user.email }, id, body),
  )(request);
}
