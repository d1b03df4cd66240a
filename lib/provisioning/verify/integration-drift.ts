// Does a method's integration still go where Gatehouse wired it? One pure rule for verify (a drifted hop), for the
// migration (before and after it repoints) and for the repair of a replaced link (before anything is deleted): the
// integration must be an HTTP_PROXY over a VPC link, through the expected link, to the expected target and URI. A V1
// link carries its NLB itself, so a V1 integration names no `integrationTarget`; a V2 one must name the platform NLB.

/** What GetIntegration answers, as far as the wire matters. */
export type LiveIntegration = {
  type?: string;
  connectionType?: string;
  connectionId?: string;
  integrationTarget?: string;
  uri?: string;
};

/** Where an integration must point: the link, the NLB (V2 only) and the URI. */
export type IntegrationWiring = { vpcLinkId: string; integrationTarget?: string; uri: string };

/** The two methods every chain has: ANY / and ANY /{proxy+}. */
export type ChainMethod = "/" | "/{proxy+}";

/** The wiring of both methods for a chain whose backend is `host:port`, through `vpcLinkId` (and `target` for V2). */
export function chainWiring(input: {
  host: string;
  port: number;
  vpcLinkId: string;
  integrationTarget?: string;
}): Record<ChainMethod, IntegrationWiring> {
  const base = `http://${input.host}:${input.port}/`;
  const link = { vpcLinkId: input.vpcLinkId, integrationTarget: input.integrationTarget };
  return { "/": { ...link, uri: base }, "/{proxy+}": { ...link, uri: `${base}{proxy}` } };
}

/** Why `live` is not wired as `expected` (undefined when it is), in words an operator reads on the hop. */
export function integrationDrift(
  method: ChainMethod,
  live: LiveIntegration | undefined,
  expected: IntegrationWiring,
): string | undefined {
  return wiringDrift(`ANY ${method}`, live, expected);
}

/**
 * The methods of an API built from its OpenAPI document ("GET /orders/{id}" → its integration): each must still go
 * through the chain's link (and, V2, its NLB); their URIs are the document's paths, set by the import.
 */
export function documentIntegrationDrift(
  live: Record<string, LiveIntegration | undefined>,
  link: { vpcLinkId: string; integrationTarget?: string },
): string | undefined {
  const reasons = Object.entries(live).flatMap(
    ([method, integration]) => wiringDrift(method, integration, { ...link, uri: integration?.uri ?? "" }) ?? [],
  );
  return reasons.length > 0 ? reasons.join("; ") : undefined;
}

function wiringDrift(where: string, live: LiveIntegration | undefined, expected: IntegrationWiring) {
  if (!live) return `${where} has no integration`;
  if (live.type !== "HTTP_PROXY") return `${where} is a ${live.type ?? "?"} integration, not HTTP_PROXY`;
  if (live.connectionType !== "VPC_LINK")
    return `${where} goes over ${live.connectionType ?? "?"}, not the VPC link ${expected.vpcLinkId}`;
  if (live.connectionId !== expected.vpcLinkId)
    return `${where} goes through VPC link ${live.connectionId ?? "none"}, not ${expected.vpcLinkId}`;
  if ((live.integrationTarget ?? undefined) !== expected.integrationTarget)
    return expected.integrationTarget
      ? `${where} targets ${live.integrationTarget ?? "no load balancer"}, not ${expected.integrationTarget}`
      : `${where} names an integration target (${live.integrationTarget ?? ""}) on a V1 link`;
  if (live.uri !== expected.uri) return `${where} calls ${live.uri ?? "no URI"}, not ${expected.uri}`;
  return undefined;
}

/** The drift of both methods, or undefined when both are wired as expected. */
export function chainIntegrationDrift(
  live: Record<ChainMethod, LiveIntegration | undefined>,
  expected: Record<ChainMethod, IntegrationWiring>,
): string | undefined {
  const reasons = (["/", "/{proxy+}"] as const).flatMap(
    (method) => integrationDrift(method, live[method], expected[method]) ?? [],
  );
  return reasons.length > 0 ? reasons.join("; ") : undefined;
}
