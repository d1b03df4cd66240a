import { z } from "zod";
import { db } from "@/lib/db/client";
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { processClients } from "@/lib/aws/process-clients";
import { platformAccountAccess, withAwsErrors } from "@/lib/hubs/hub-access";
import { describeVpcNetwork } from "@/lib/hubs/hub-network";
import { hubLocationSchema } from "@/lib/hubs/hub-schemas";

const querySchema = hubLocationSchema.extend({
  vpcId: z.string().regex(/^vpc-[0-9a-f]{8,17}$/, "Pick a VPC from the list."),
});

// GET /api/hubs/network?accountId&region&vpcId – subnets, security groups and execute-api endpoints of a VPC (admins).
export const GET = apiRoute({ access: "admin", rateLimit: "discovery" }, async ({ request }) => {
  const query = parseBody(querySchema, Object.fromEntries(new URL(request.url).searchParams));
  const access = await platformAccountAccess(db(), query);
  return withAwsErrors(() =>
    describeVpcNetwork(processClients().clientsFor(access, `hub-${access.accountId}`).ec2, query.region, query.vpcId),
  );
});
