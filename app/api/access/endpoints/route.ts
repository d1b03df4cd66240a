import { db } from "@/lib/db/client";
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { processClients } from "@/lib/aws/process-clients";
import { withAwsErrors } from "@/lib/hubs/hub-access";
import {
  consumerAccountFor,
  discoverConsumerEndpoints,
  endpointDiscoverySchema,
} from "@/lib/access/consumer-endpoint-discovery";

// GET /api/access/endpoints?requestId&accountId – the execute-api interface endpoints of one of the caller's team
// accounts in the exposure's region, read live through the account's role (requesters of that team).
export const GET = apiRoute({ access: "user", rateLimit: "discovery" }, async ({ request, user }) => {
  const input = parseBody(endpointDiscoverySchema, Object.fromEntries(new URL(request.url).searchParams));
  const { account, region } = await consumerAccountFor(db(), user, input);
  return withAwsErrors(() => discoverConsumerEndpoints(processClients(), account, region));
});
