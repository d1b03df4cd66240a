import { z } from "zod";
import { checkConsumerEndpoint, consumerAccountFor } from "./consumer-endpoint-discovery";
import { recordGrantChange } from "./record-grant-change";
import type { CurrentUser } from "@/lib/auth/permissions";
import type { ClientFactory } from "@/lib/aws/client-factory";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma, type AccessGrant } from "@/lib/generated/prisma/client";
import { findRegisteredOwners } from "@/lib/provisioning/consumers/find-registered-owners";
import { vpcEndpointIdSchema } from "@/lib/provisioning/resource-policy";

// A consumer team asks for access to an active exposure through one of its execute-api endpoints. The endpoint is
// checked live in the chosen account before anything is written; the grant then waits for the owning team.

const principalSchema = z
  .string()
  .trim()
  .regex(/^arn:aws(?:-cn|-us-gov)?:iam::\d{12}:(?:root|role\/[\w+=,.@\/-]{1,512})$/, "validation.access.principal");

export const accessRequestSchema = z.object({
  accountId: z.string().trim().min(1, "validation.access.chooseAccount").max(64, "validation.access.unknownAccount"),
  vpcEndpointId: vpcEndpointIdSchema,
  justification: z
    .string()
    .trim()
    .min(10, "validation.access.justification")
    .max(2000, "validation.access.justificationTooLong"),
  endsAt: z.iso
    .date("validation.access.date")
    .optional()
    .refine((value) => !value || new Date(`${value}T00:00:00Z`) > new Date(), "validation.access.future"),
  principals: z.array(principalSchema).max(10, "validation.access.tooManyPrincipals").default([]),
});
export type AccessRequestInput = z.input<typeof accessRequestSchema>;

export async function requestAccess(
  dependencies: { db: Db; clients: ClientFactory },
  user: CurrentUser,
  requestId: string,
  input: z.infer<typeof accessRequestSchema>,
): Promise<AccessGrant> {
  const { db, clients } = dependencies;
  const { account, region } = await consumerAccountFor(db, user, { requestId, accountId: input.accountId });
  // AWS is asked before the transaction: a refused endpoint writes nothing.
  const endpoint = await checkConsumerEndpoint(clients, account, region, input.vpcEndpointId);
  const owners = await findRegisteredOwners(db, clients, { region, vpcEndpointIds: [endpoint.vpcEndpointId] });
  return db.$transaction(async (tx) => {
    const exposure = await tx.exposureRequest.findUniqueOrThrow({ where: { id: requestId } });
    const grant = await tx.accessGrant
      .create({
        data: {
          requestId,
          consumerTeamId: account.owningTeamId,
          consumerAccountId: account.id,
          vpcEndpointId: endpoint.vpcEndpointId,
          vpcId: endpoint.vpcId,
          privateDnsEnabled: endpoint.privateDnsEnabled,
          ownerRegistered: owners.has(endpoint.vpcEndpointId),
          justification: input.justification,
          principals: input.principals,
          endsAt: input.endsAt ? new Date(`${input.endsAt}T00:00:00Z`) : null,
          requestedById: user.id,
          requestedByLabel: user.email,
        },
      })
      .catch((error: unknown) => {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
          throw new AppError("CONFLICT", {
            key: "errors.access.alreadyRequested",
            values: { endpoint: endpoint.vpcEndpointId },
          });
        throw error;
      });
    await recordGrantChange(tx, { event: "requested", grant, exposure, actor: { id: user.id, label: user.email } });
    return grant;
  });
}
