import { randomBytes } from "node:crypto";
import { hubLabel, placeExposure } from "./hub-choice";
import { invalidField } from "./invalid-field";
import type { RequestInput } from "./request-schemas";
import { accountAccessOf } from "@/lib/accounts/account-access";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { notify } from "@/lib/notifications/notify";
import { requestableTeams, type CurrentUser } from "@/lib/auth/permissions";
import type { AccountAccess, ClientFactory } from "@/lib/aws/client-factory";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dryRunExposure, type DryRunResult } from "@/lib/provisioning/plan/dry-run/dry-run-exposure";
import { checkTextIn } from "@/lib/provisioning/plan/dry-run/check-list";
import { defaultLocale } from "@/lib/i18n/locales";
import { readHubCandidates } from "@/lib/hubs/quotas/read-region-hubs";
import { hubOf, type Exposure } from "@/lib/provisioning/plan/exposure";

// Preview (the dry run the wizard shows) and submission (the same dry run, frozen as the plan the approver reviews).
// Only a requester of the team may ask, only for the team's own verified application account, and never with a
// blocker in the plan.

export type SubmitDependencies = { db: Db; clients: ClientFactory };

function exposureOf(requestId: string, input: RequestInput): Exposure {
  const source: Exposure["source"] =
    input.scenario === "cross_account_nlb"
      ? {
          kind: "crossAccountNlb",
          accountId: input.accountId,
          loadBalancerArn: input.loadBalancerArn,
          port: input.port,
        }
      : { kind: "remoteNetwork", networkName: input.remoteNetworkName, ips: input.remoteIps, port: input.port };
  return {
    requestId,
    apiName: input.apiName,
    stageName: input.stageName,
    backendHost: input.backendHost || undefined,
    source,
  };
}

/**
 * The checks a submission must pass, and the hub placement picks from the region's hubs and their quotas as read
 * from AWS; returns the hub, why, and the roles to use.
 */
async function resolveTargets(dependencies: SubmitDependencies, user: CurrentUser, input: RequestInput) {
  const { db } = dependencies;
  if (!requestableTeams(user).some((membership) => membership.teamId === input.teamId)) {
    throw new AppError("FORBIDDEN", { key: "errors.requests.onlyTeamRequestersSubmit" });
  }
  const candidates = await readHubCandidates(db, dependencies.clients, "placement", { region: input.region });
  const pin = await db.teamHubPin.findUnique({
    where: { teamId_region: { teamId: input.teamId, region: input.region } },
  });
  const placement = placeExposure({
    candidates,
    region: input.region,
    requestedHubId: input.hubId,
    pinnedHubId: pin?.hubId,
  });
  const { hub } = placement;
  const chosen = candidates.find((candidate) => candidate.hub.id === hub.id);
  let application: AccountAccess | undefined;
  if (input.scenario === "cross_account_nlb") {
    const account = await db.awsAccount.findUnique({ where: { accountId: input.accountId } });
    if (!account || account.owningTeamId !== input.teamId || account.kind !== "application")
      throw invalidField("accountId", "validation.requests.accountNotYours");
    if (!account.verifiedAt)
      throw invalidField("accountId", "validation.requests.accountNotVerified", {
        key: "errors.requests.accountNotVerifiedAsk",
        values: { account: account.alias },
      });
    if (!account.regions.includes(input.region))
      throw invalidField("region", "validation.requests.accountNotInRegion", {
        key: "errors.requests.accountNotInRegion",
        values: { account: account.alias, region: input.region },
      });
    application = accountAccessOf(account, hub.region);
  }
  return { hub, placement, chosen, platform: accountAccessOf(hub.account, hub.region), application };
}

async function planOn(dependencies: SubmitDependencies, user: CurrentUser, input: RequestInput, requestId: string) {
  const { hub, placement, chosen, platform, application } = await resolveTargets(dependencies, user, input);
  const plan = await dryRunExposure({
    clients: dependencies.clients,
    exposure: exposureOf(requestId, input),
    hub: hubOf(hub),
    platform,
    application,
    placement: { hubId: hub.id, hubLabel: hubLabel(hub), reason: placement.reason },
    quotaContext: {
      readings: chosen && "readings" in chosen.quotas ? chosen.quotas.readings : undefined,
      hasSharedLink: hub.sharedVpcLinkId !== null,
      regionHubs: placement.hubs,
      hubId: hub.id,
    },
  });
  return { hubId: hub.id, plan };
}

export async function previewRequest(
  dependencies: SubmitDependencies,
  user: CurrentUser,
  input: RequestInput,
): Promise<DryRunResult> {
  return (await planOn(dependencies, user, input, "preview")).plan;
}

/** A new id up front, so the plan the approver sees already carries the request's resource names and tokens. */
function newRequestId(): string {
  return `c${randomBytes(12).toString("hex")}`;
}

export async function submitRequest(
  dependencies: SubmitDependencies,
  user: CurrentUser,
  input: RequestInput,
): Promise<{ id: string; plan: DryRunResult }> {
  const id = newRequestId();
  const { hubId, plan } = await planOn(dependencies, user, input, id);
  const blockers = plan.checks.filter((check) => check.status === "blocker");
  if (blockers.length > 0) {
    // The checks' own words in English: the error's values are fixed when it is thrown (the plan keeps the keys).
    const blockerTexts = blockers.map((check) => checkTextIn(check.message, defaultLocale));
    throw new AppError(
      "VALIDATION_FAILED",
      {
        key: "errors.requests.planHasBlockers",
        values: { count: blockers.length, blockers: blockerTexts.join(" ") },
      },
      { fieldErrors: { plan: blockerTexts } },
    );
  }
  await dependencies.db.$transaction(async (tx) => {
    const request = await tx.exposureRequest.create({
      data: {
        id,
        teamId: input.teamId,
        requesterId: user.id,
        hubId,
        scenario: input.scenario,
        sourceAccountId: input.scenario === "cross_account_nlb" ? input.accountId : null,
        loadBalancerArn: input.scenario === "cross_account_nlb" ? input.loadBalancerArn : null,
        remoteNetworkName: input.scenario === "remote_network" ? input.remoteNetworkName : null,
        remoteIps: input.scenario === "remote_network" ? input.remoteIps : [],
        port: input.port,
        apiName: input.apiName,
        stageName: input.stageName,
        backendHost: input.backendHost || null,
        basePath: input.basePath || null,
        corsAllowOrigins: input.corsAllowOrigins,
        justification: input.justification,
        status: "pending_approval",
        plan: plan as unknown as Prisma.InputJsonObject,
      },
    });
    await recordAuditEvent(tx, {
      actor: { id: user.id, label: user.email },
      action: "request.submitted",
      targetType: "request",
      targetId: id,
      details: { apiName: input.apiName, scenario: input.scenario, teamId: input.teamId },
    });
    await notify(tx, "request.submitted", request, { actor: user.email });
  });
  return { id, plan };
}
