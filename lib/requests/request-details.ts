import { canActOnRequest, canRerunRequest, canViewRequest } from "./request-permissions";
import { stepViewsOf, type StepError, type StepView } from "./step-views";
import { askedForBy, fourEyesRefusal, pendingDecisionOf, type DecisionKind } from "@/lib/approvals/four-eyes";
import { isPlatformAdmin, type CurrentUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Translatable } from "@/lib/i18n/translatable";
import { chainOutputs } from "@/lib/provisioning/engine/chain-outputs";
import { wasRolledBack } from "@/lib/provisioning/engine/rolled-back";
import type { DryRunResult } from "@/lib/provisioning/plan/dry-run/dry-run-exposure";
import { consoleUrl, type ConsoleTarget } from "@/lib/topology/console-links";
import { invokeUrlsOf } from "./invoke-urls";
import { hubLabel } from "./hub-choice";

// The request page's data, as JSON the browser polls while a run is in flight: what was asked, the plan, each
// decision, each run with its steps, what was created (with console links), the invoke URLs, and what the viewer may
// do next. The timeline is the request's audit trail plus every step's start and finish.

/** Where a run stands, and when it started and finished (ISO times). */
type Progress = { status: string; startedAt: string | null; finishedAt: string | null };
export type RunView = Progress & { id: string; kind: string; createdAt: string; steps: StepView[] };
/**
 * One moment of the request: an audit action ("request.approved"), or a step's start or end ("step.started",
 * "step.finished" with the step's id and status), put into words by the page.
 */
export type TimelineEntry = {
  at: string;
  action: string;
  stepId?: string;
  stepStatus?: string;
  actor?: string;
  detail?: string;
};
export type ResourceView = {
  kind: string;
  identifier: string;
  accountId: string;
  region: string;
  consoleUrl?: string;
  deleted: boolean;
};

export type RequestDetails = {
  id: string;
  status: string;
  scenario: "cross_account_nlb" | "remote_network";
  apiName: string;
  stageName: string;
  port: number;
  basePath: string | null;
  backendHost: string | null;
  corsAllowOrigins: string[];
  justification: string;
  region: string;
  linkMode: string;
  /** The VPC link version the active chain goes through now (a migrated V1 chain goes through the hub's V2 link). */
  chainLinkVersion: "v1" | "v2" | null;
  team: { id: string; name: string };
  requester: { id: string; name: string; email: string };
  source: { accountId: string | null; loadBalancerArn: string | null; networkName: string | null; ips: string[] };
  createdAt: string;
  plan: DryRunResult | null;
  approvals: { kind: string; decision: string; comment: string | null; decider: string; decidedAt: string }[];
  runs: RunView[];
  failure: StepError | null;
  timeline: TimelineEntry[];
  resources: ResourceView[];
  invokeUrls: string[];
  /** When these details were read (the server's clock): a step in flight is drawn up to this moment. */
  asOf: string;
  can: {
    withdraw: boolean;
    /** Run again after the failed run was rolled back (the team's requesters and platform admins). */
    rerun: boolean;
    decommission: boolean;
    /** Ask for the live migration of an active V1 chain to the hub's V2 link (its team, platform admins). */
    migrate: boolean;
    /** Move the active exposure to another hub of its region (platform admins), with the hubs it may go to. */
    moveTo: { id: string; label: string }[];
    testInvoke: boolean;
    decide: DecisionKind | null;
    /** Why this admin may not decide the pending decision (four-eyes), shown instead of the buttons. */
    decideRefusal: Translatable | null;
    retry: boolean;
    rollback: boolean;
  };
};

/** The other hubs of the request's region that take exposures (not drained). */
async function moveTargets(db: Db, hub: { id: string; region: string }) {
  const hubs = await db.platformHub.findMany({
    where: { region: hub.region, id: { not: hub.id }, drainedAt: null },
    include: { account: true },
    orderBy: { createdAt: "asc" },
  });
  return hubs.map((candidate) => ({ id: candidate.id, label: hubLabel(candidate) }));
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The console page of each kind of created resource, from its identifier. */
const consoleTargets: Partial<Record<string, (identifier: string) => ConsoleTarget>> = {
  "vpc-endpoint": (endpointId) => ({ kind: "vpc-endpoint", endpointId }),
  "vpc-endpoint-service": (serviceId) => ({ kind: "endpoint-service", serviceId }),
  "load-balancer": (arn) => ({ kind: "load-balancer", arn }),
  "target-group": (arn) => ({ kind: "target-group", arn }),
  "rest-api": (restApiId) => ({ kind: "rest-api", restApiId }),
  "vpc-link": (vpcLinkId) => ({ kind: "vpc-link", vpcLinkId }),
};

export async function getRequestDetails(db: Db, user: CurrentUser, requestId: string): Promise<RequestDetails> {
  const request = await db.exposureRequest.findUnique({
    where: { id: requestId },
    include: {
      team: true,
      requester: true,
      hub: true,
      approvals: { include: { decider: true }, orderBy: { decidedAt: "asc" } },
      // Steps in the order they were created (the plan's; cuids ascend), which steps started together keep.
      runs: { include: { steps: { orderBy: { id: "asc" } } }, orderBy: { createdAt: "asc" } },
      resources: { orderBy: { createdAt: "asc" } },
    },
  });
  if (!request || !canViewRequest(user, request))
    throw new AppError("NOT_FOUND", { key: "errors.requests.notFoundOrNotYours" });
  const audit = await db.auditEvent.findMany({
    where: { targetType: "request", targetId: requestId },
    orderBy: { at: "asc" },
  });

  const runs: RunView[] = request.runs.map((run) => ({
    id: run.id,
    kind: run.kind,
    status: run.status,
    createdAt: run.createdAt.toISOString(),
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.finishedAt),
    steps: stepViewsOf(run.steps),
  }));
  const latestRun = runs.at(-1);
  const rolledBack = request.status === "approved" && wasRolledBack(latestRun);
  const failure = latestRun?.status === "failed" ? (latestRun.steps.find((step) => step.error)?.error ?? null) : null;

  const timeline: TimelineEntry[] = [
    ...audit.map((event) => ({
      at: event.at.toISOString(),
      action: event.action,
      actor: event.actorLabel,
      detail: (event.details as { comment?: string }).comment,
    })),
    ...runs.flatMap((run) =>
      run.steps.flatMap((step) => [
        ...(step.firstStartedAt
          ? [
              {
                at: step.firstStartedAt,
                action: "step.started",
                stepId: step.stepId,
                detail: run.kind === "provision" ? undefined : run.kind,
              },
            ]
          : []),
        ...(step.finishedAt
          ? [
              {
                at: step.finishedAt,
                action: "step.finished",
                stepId: step.stepId,
                stepStatus: step.status,
                detail: step.error?.message,
              },
            ]
          : []),
      ]),
    ),
  ].sort((left, right) => left.at.localeCompare(right.at));

  const urls = invokeUrlsOf(request.runs);

  const chainLinkVersion =
    request.status === "active" ? ((await chainOutputs(db, request.id))["vpcLink.create"]?.version ?? null) : null;
  const actor = canActOnRequest(user, request);
  const admin = isPlatformAdmin(user);
  const pending = pendingDecisionOf(request.status);
  const askedById =
    pending && pending !== "exposure"
      ? audit.findLast((event) => event.action === askedForBy[pending])?.actorId
      : undefined;
  const decideRefusal =
    admin && pending ? fourEyesRefusal(user.id, { requesterId: request.requesterId, askedById }, pending) : null;
  return {
    id: request.id,
    status: request.status,
    scenario: request.scenario,
    apiName: request.apiName,
    stageName: request.stageName,
    port: request.port,
    basePath: request.basePath,
    backendHost: request.backendHost,
    corsAllowOrigins: request.corsAllowOrigins,
    justification: request.justification,
    region: request.hub.region,
    linkMode: request.hub.linkMode,
    chainLinkVersion,
    team: { id: request.team.id, name: request.team.name },
    requester: { id: request.requester.id, name: request.requester.name, email: request.requester.email },
    source: {
      accountId: request.sourceAccountId,
      loadBalancerArn: request.loadBalancerArn,
      networkName: request.remoteNetworkName,
      ips: request.remoteIps,
    },
    createdAt: request.createdAt.toISOString(),
    plan: request.plan as DryRunResult | null,
    approvals: request.approvals.map((approval) => ({
      kind: approval.kind,
      decision: approval.decision,
      comment: approval.comment,
      decider: approval.decider.name,
      decidedAt: approval.decidedAt.toISOString(),
    })),
    runs,
    failure,
    timeline,
    resources: request.resources.map((resource) => {
      const target = consoleTargets[resource.kind]?.(resource.identifier);
      return {
        kind: resource.kind,
        identifier: resource.identifier,
        accountId: resource.accountId,
        region: resource.region,
        consoleUrl: target && consoleUrl(resource.region, target),
        deleted: resource.deletedAt !== null,
      };
    }),
    invokeUrls: request.status === "active" ? urls : [],
    asOf: new Date().toISOString(),
    can: {
      withdraw: actor && (request.status === "pending_approval" || rolledBack),
      rerun: canRerunRequest(user, request) && rolledBack,
      decommission: actor && request.status === "active",
      migrate: (actor || admin) && request.status === "active" && chainLinkVersion === "v1",
      moveTo: admin && request.status === "active" ? await moveTargets(db, request.hub) : [],
      testInvoke: (actor || admin) && request.status === "active",
      decide: admin && !decideRefusal ? pending : null,
      decideRefusal,
      retry: admin && request.status === "failed",
      rollback: admin && request.status === "failed",
    },
  };
}
