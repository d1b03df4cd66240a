import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { hubMigrationSchema, migrateHubExposures } from "@/lib/hubs/migrate-hub-exposures";
import { queueRunAdvance } from "@/lib/provisioning/engine/run-jobs";

// POST /api/hubs/migrations – admins: ask for the migration of every active V1 exposure of a hub ("request"), or, as
// a second admin, approve all of the hub's pending migrations as one decision ("approve").
export const POST = apiRoute({ access: "admin", body: hubMigrationSchema }, async ({ body, user }) =>
  migrateHubExposures({ db: db(), queueRunAdvance }, user, body),
);
