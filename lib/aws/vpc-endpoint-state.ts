import type { State } from "@aws-sdk/client-ec2";

// VPC endpoint and endpoint-connection states arrive camelCase ("pendingAcceptance"), unlike the SDK's enum
// ("PendingAcceptance"): they are compared in one spelling, lower case, through these helpers.

export type VpcEndpointState = Lowercase<State>;

/** The state in the one spelling; undefined when AWS gave none. */
export function vpcEndpointStateOf(state: string | undefined): VpcEndpointState | undefined {
  return state?.toLowerCase() as VpcEndpointState | undefined;
}

/** Gone, or on its way: an endpoint or connection that no longer carries traffic. */
export function isEndpointGone(state: VpcEndpointState | undefined): boolean {
  return state === "deleted" || state === "deleting";
}

/** A state the endpoint or connection never leaves: rejected, failed, expired. */
export function isEndpointDead(state: VpcEndpointState | undefined): boolean {
  return state === "rejected" || state === "failed" || state === "expired";
}
