import type { Backend } from "../model/backends";

// The vocabulary of a hop-by-hop walk: which link-chain step (DESIGN §3) a broken hop is blamed on, how the break
// looks to the sender, and the trace a walk produces.

/** Link-chain steps a broken hop is blamed on; "executeApiEndpoint" is the consumer's endpoint, "backend" the service itself. */
export type ChainHop =
  | "executeApiEndpoint"
  | "restApi.create"
  | "restApi.deploy"
  | "restApi.routes"
  | "vpcLink.create"
  | "vpcLink.awaitAvailable"
  | "loadBalancer.create"
  | "loadBalancer.awaitActive"
  | "listener.create"
  | "targetGroup.create"
  | "targets.register"
  | "interfaceEndpoint.create"
  | "interfaceEndpoint.accept"
  | "interfaceEndpoint.awaitAvailable"
  | "endpointService.create"
  | "backend";

/** How a break looks from the sender: packets dropped (timeout) or refused/reset (refused). */
export type Symptom = "timeout" | "refused";

export type Trace =
  | { ok: true; backend: Backend; path: string[] }
  | { ok: false; hop: ChainHop; reason: string; symptom: Symptom; path: string[] };

/** Which step is to blame when a load balancer on the way is broken. */
export type LoadBalancerHops = { exists: ChainHop; active: ChainHop; listener: ChainHop; targets: ChainHop };

export const platformLoadBalancerHops: LoadBalancerHops = {
  exists: "loadBalancer.create",
  active: "loadBalancer.awaitActive",
  listener: "listener.create",
  targets: "targets.register",
};

export const broken = (hop: ChainHop, reason: string, symptom: Symptom = "refused"): Trace => ({
  ok: false,
  hop,
  reason,
  symptom,
  path: [],
});

export function prefixed(path: string[], trace: Trace): Trace {
  return { ...trace, path: [...path, ...trace.path] };
}
