import { z } from "zod";

// What the topology is drawn from, as plain data: one exposure request with its hub, the steps of its provisioning
// run, the resources it recorded and its latest verify. The loader reads these from the database; tests write them.

const stepStatus = z.enum(["pending", "running", "waiting", "succeeded", "failed"]);

export const stepFactSchema = z.object({
  stepId: z.string(),
  status: stepStatus,
  outputs: z.record(z.string(), z.unknown()),
  /** A failure {hop, message, fix} or, while waiting, {waitingFor}. */
  error: z
    .object({ message: z.string().optional(), fix: z.string().optional(), waitingFor: z.string().optional() })
    .nullish(),
  finishedAt: z.string().nullish(),
});
export type StepFact = z.infer<typeof stepFactSchema>;

export const chainCheckFactSchema = z.object({
  checkedAt: z.string(),
  healthy: z.boolean(),
  brokenHop: z.string().nullish(),
  reason: z.string().nullish(),
  hops: z.array(z.object({ hop: z.string(), state: z.string(), detail: z.string().nullish() })),
});
export type ChainCheckFact = z.infer<typeof chainCheckFactSchema>;

export type ResourceFact = {
  kind: string;
  identifier: string;
  stepId: string;
  accountId: string;
  deletedAt?: string | null;
};

export type HubFacts = {
  id: string;
  accountId: string;
  accountAlias: string;
  region: string;
  vpcId: string;
  subnetIds: string[];
  executeApiEndpointId: string;
  linkMode: "v1" | "v2";
  sharedVpcLinkId?: string | null;
};

export type RequestFacts = {
  id: string;
  apiName: string;
  stageName: string;
  scenario: "cross_account_nlb" | "remote_network";
  status: string;
  port: number;
  teamId: string;
  teamName: string;
  sourceAccountId?: string | null;
  sourceAccountAlias?: string | null;
  loadBalancerArn?: string | null;
  remoteNetworkName?: string | null;
  remoteIps: string[];
};

export type ExposureFacts = {
  request: RequestFacts;
  hub: HubFacts;
  /** The steps of the latest provisioning run; empty before approval. */
  steps: StepFact[];
  resources: ResourceFact[];
  latestCheck?: ChainCheckFact | null;
};

/** Requests whose chain is still changing: the views poll while any is shown. */
export const inFlightStatuses = ["approved", "provisioning", "decommissioning", "migrating", "moving"];

/** The platform map draws every exposure that exists or is on its way in AWS. */
export const mappedStatuses = [
  "approved",
  "provisioning",
  "active",
  "decommission_pending",
  "decommissioning",
  "migration_pending",
  "migrating",
  "move_pending",
  "moving",
  "failed",
];
