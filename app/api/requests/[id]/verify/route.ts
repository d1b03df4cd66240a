import { db } from "@/lib/db/client";
import { apiRouteWithId } from "@/lib/http/api-route";
import { processClients } from "@/lib/aws/process-clients";
import { withAwsErrors } from "@/lib/hubs/hub-access";
import { checkChain } from "@/lib/provisioning/verify/chain-checks";

// POST /api/requests/:id/verify – re-read an active chain in AWS now, as the scheduled verify does, and record the
// result (platform admins, who also retry and roll back runs). Answers the check: healthy, or the broken hop and why.
export const POST = apiRouteWithId({ access: "admin", rateLimit: "verifications" }, ({ user, id }) =>
  withAwsErrors(() => checkChain(db(), processClients(), id, { id: user.id, label: user.email })),
);
