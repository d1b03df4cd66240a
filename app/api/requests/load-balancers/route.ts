import { z } from "zod";
import { db } from "@/lib/db/client";
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { processClients } from "@/lib/aws/process-clients";
import { awsAccountIdSchema, regionSchema } from "@/lib/requests/request-schemas";
import { discoverLoadBalancers } from "@/lib/requests/wizard-options";

const querySchema = z.object({ accountId: awsAccountIdSchema, region: regionSchema });

// GET /api/requests/load-balancers?accountId=&region= – the account's internal NLBs, read live through its role.
export const GET = apiRoute({ access: "user", rateLimit: "discovery" }, ({ request, user }) => {
  const query = parseBody(querySchema, Object.fromEntries(new URL(request.url).searchParams));
  return discoverLoadBalancers(db(), processClients(), user, query.accountId, query.region);
});
