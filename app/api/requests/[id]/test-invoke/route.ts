import { db } from "@/lib/db/client";
import { apiRouteWithId } from "@/lib/http/api-route";
import { processClients } from "@/lib/aws/process-clients";
import { getRequestDetails } from "@/lib/requests/request-details";
import { testInvoke } from "@/lib/provisioning/verify/test-invoke";
import { AppError } from "@/lib/errors";

// POST /api/requests/:id/test-invoke – API Gateway's TestInvokeMethod through the chain: status, latency, body.
export const POST = apiRouteWithId({ access: "user", rateLimit: "testInvokes" }, async ({ user, id }) => {
  const details = await getRequestDetails(db(), user, id);
  if (!details.can.testInvoke)
    throw new AppError("CONFLICT", "Only an active exposure can be invoked, by its team or an admin.");
  return testInvoke(db(), processClients(), id);
});
