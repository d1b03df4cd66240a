// Latency profiles: how long AWS takes for each asynchronous transition (reference §4), and the control-plane
// throttles and quotas of DESIGN §3. `instant` is for unit tests; `demo` shows the lifecycle in seconds;
// `realistic` uses real-AWS minutes (divide by `timeScale` to run a benchmark faster and say so).

export type ProfileName = "instant" | "demo" | "realistic";

export type LatencyKey =
  | "loadBalancerActive"
  | "loadBalancerDeleted"
  | "endpointServiceAvailable"
  | "endpointAvailableAfterAccept"
  | "endpointDeleted"
  | "vpcLinkV1Available"
  | "vpcLinkV2Available"
  | "vpcLinkDeleted"
  | "vpcLinkV2Idle"
  | "targetHealthy"
  | "targetDrained";

export type Throttle = { ratePerSecond: number; burst: number };

export type Profile = {
  name: ProfileName;
  latencyMs: Record<LatencyKey, number>;
  /** Per-account control-plane limits by "service:Operation"; "apigateway:*" is the shared bucket of other calls. */
  throttles: Record<string, Throttle>;
  throttlesEnabled: boolean;
};

const seconds = (value: number) => value * 1000;
const minutes = (value: number) => value * 60_000;
const days = (value: number) => value * 86_400_000;

const apiGatewayThrottles: Record<string, Throttle> = {
  "apigateway:CreateRestApi": { ratePerSecond: 1 / 3, burst: 1 },
  "apigateway:CreateDeployment": { ratePerSecond: 1 / 5, burst: 1 },
  "apigateway:CreateResource": { ratePerSecond: 5, burst: 5 },
  "apigatewayv2:CreateVpcLink": { ratePerSecond: 1 / 15, burst: 1 },
  "apigateway:*": { ratePerSecond: 10, burst: 40 },
  "ec2:*": { ratePerSecond: 20, burst: 100 },
  "elasticloadbalancing:*": { ratePerSecond: 20, burst: 40 },
};

const profiles: Record<ProfileName, Profile> = {
  instant: {
    name: "instant",
    latencyMs: {
      loadBalancerActive: 0,
      loadBalancerDeleted: 0,
      endpointServiceAvailable: 0,
      endpointAvailableAfterAccept: 0,
      endpointDeleted: 0,
      vpcLinkV1Available: 0,
      vpcLinkV2Available: 0,
      vpcLinkDeleted: 0,
      // A V2 link without traffic for 60 days goes INACTIVE (tests shorten this; see link-idleness.ts).
      vpcLinkV2Idle: days(60),
      targetHealthy: 0,
      targetDrained: 0,
    },
    throttles: apiGatewayThrottles,
    throttlesEnabled: false,
  },
  demo: {
    name: "demo",
    latencyMs: {
      loadBalancerActive: seconds(4),
      loadBalancerDeleted: seconds(2),
      endpointServiceAvailable: seconds(1),
      endpointAvailableAfterAccept: seconds(3),
      endpointDeleted: seconds(2),
      vpcLinkV1Available: seconds(5),
      vpcLinkV2Available: seconds(6),
      vpcLinkDeleted: seconds(2),
      // A V2 link without traffic for 60 days goes INACTIVE (tests shorten this; see link-idleness.ts).
      vpcLinkV2Idle: days(60),
      targetHealthy: seconds(3),
      targetDrained: seconds(1),
    },
    throttles: apiGatewayThrottles,
    throttlesEnabled: true,
  },
  realistic: {
    name: "realistic",
    latencyMs: {
      loadBalancerActive: minutes(3),
      loadBalancerDeleted: minutes(1),
      endpointServiceAvailable: seconds(30),
      endpointAvailableAfterAccept: minutes(2),
      endpointDeleted: minutes(1),
      vpcLinkV1Available: minutes(3),
      vpcLinkV2Available: minutes(5),
      vpcLinkDeleted: minutes(1),
      // A V2 link without traffic for 60 days goes INACTIVE (tests shorten this; see link-idleness.ts).
      vpcLinkV2Idle: days(60),
      targetHealthy: minutes(1.5),
      targetDrained: seconds(30),
    },
    throttles: apiGatewayThrottles,
    throttlesEnabled: true,
  },
};

/** A profile whose clock runs `timeScale` times faster: latencies divided, throttle rates multiplied. */
export function loadProfile(name: ProfileName, timeScale = 1): Profile {
  const base = profiles[name];
  const latencyMs = Object.fromEntries(
    Object.entries(base.latencyMs).map(([key, value]) => [key, Math.round(value / timeScale)]),
  ) as Record<LatencyKey, number>;
  const throttles = Object.fromEntries(
    Object.entries(base.throttles).map(([key, value]) => [
      key,
      { ...value, ratePerSecond: value.ratePerSecond * timeScale },
    ]),
  );
  return { ...base, latencyMs, throttles };
}
