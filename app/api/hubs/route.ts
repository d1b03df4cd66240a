import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { configureHub } from "@/lib/hubs/configure-hub";
import { processClients } from "@/lib/aws/process-clients";
import { withAwsErrors } from "@/lib/hubs/hub-access";
import { configureHubSchema } from "@/lib/hubs/hub-schemas";

// POST /api/hubs – save the platform hub of an account and region, checked against the live VPC (admins).
export const POST = apiRoute(
  { access: "admin", body: configureHubSchema, rateLimit: "discovery" },
  async ({ body, user }) => {
    const hub = await withAwsErrors(() =>
      configureHub(db(), { id: user.id, label: user.email }, body, processClients()),
    );
    return { id: hub.id, region: hub.region, vpcId: hub.vpcId, linkMode: hub.linkMode };
  },
);
