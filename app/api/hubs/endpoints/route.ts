import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { createExecuteApiEndpoint } from "@/lib/hubs/configure-hub";
import { processClients } from "@/lib/aws/process-clients";
import { withAwsErrors } from "@/lib/hubs/hub-access";
import { hubNetworkSchema } from "@/lib/hubs/hub-schemas";

// POST /api/hubs/endpoints – create the execute-api interface endpoint in the hub VPC when it has none (admins).
export const POST = apiRoute(
  { access: "admin", body: hubNetworkSchema, rateLimit: "discovery" },
  async ({ body, user }) =>
    withAwsErrors(() => createExecuteApiEndpoint(db(), { id: user.id, label: user.email }, body, processClients())),
);
