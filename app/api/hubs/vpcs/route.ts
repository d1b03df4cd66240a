import { db } from "@/lib/db/client";
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { processClients } from "@/lib/aws/process-clients";
import { platformAccountAccess, withAwsErrors } from "@/lib/hubs/hub-access";
import { listVpcs } from "@/lib/hubs/hub-network";
import { hubLocationSchema } from "@/lib/hubs/hub-schemas";

// GET /api/hubs/vpcs?accountId&region – the platform account's VPCs, read live through its role (admins).
export const GET = apiRoute({ access: "admin", rateLimit: "discovery" }, async ({ request }) => {
  const location = parseBody(hubLocationSchema, Object.fromEntries(new URL(request.url).searchParams));
  const access = await platformAccountAccess(db(), location);
  return withAwsErrors(() => listVpcs(processClients().clientsFor(access, `hub-${access.accountId}`).ec2));
});
