import { startSimulator, type StartSimulatorOptions } from "../server";
import { assumeDemoRole, demoRoles, type RoleClients } from "./demo-roles";
import {
  acceptPendingConnections,
  createInterfaceEndpoint,
  createPrivateApi,
  createVpcLink,
  deploy,
  discoverHub,
  endpointAddresses,
  findServiceLoadBalancer,
  platformLoadBalancer,
  shareLoadBalancer,
  type Hub,
} from "./link-chain";

// The seeded demo landscape as the portal's roles see it, the starting point of the walkthroughs and hop tests.

/** A simulator with the demo landscape, both demo roles assumed and the platform account's hub found. */
export async function startDemoLandscape(options: StartSimulatorOptions = {}) {
  const sim = await startSimulator({ profile: "instant", ...options });
  const platform = await assumeDemoRole(sim, demoRoles.platform);
  const application = await assumeDemoRole(sim, demoRoles.application);
  return { sim, platform, application, hub: await discoverHub(platform) };
}

/** The ids of a scenario-A chain built by `buildCheckoutChain`. */
export type CheckoutChain = Awaited<ReturnType<typeof buildCheckoutChain>>;

/**
 * A working scenario-A chain to the checkout service, named after `name`: the application NLB shared through
 * PrivateLink, an interface endpoint in the hub, a platform NLB on its addresses, and both a V1 and a V2 VPC link,
 * each behind its own private REST API deployed to "prod".
 */
export async function buildCheckoutChain(
  landscape: { platform: RoleClients; application: RoleClients; hub: Hub },
  name: string,
) {
  const { platform, application, hub } = landscape;
  const applicationNlb = await findServiceLoadBalancer(application, "payments/checkout-api");
  const service = await shareLoadBalancer(application, applicationNlb, demoRoles.platform.accountId);
  const endpointId = await createInterfaceEndpoint(platform, hub, service.serviceName, name);
  await acceptPendingConnections(application, service.serviceId);
  const { ips } = await endpointAddresses(platform, endpointId);
  const balancer = await platformLoadBalancer(platform, hub, { name, port: 80, targets: ips.map((Id) => ({ Id })) });
  const linkV1 = await createVpcLink(platform, name, { mode: "v1", loadBalancerArn: balancer.loadBalancerArn });
  const linkV2 = await createVpcLink(platform, `${name}-v2`, {
    mode: "v2",
    loadBalancerArn: balancer.loadBalancerArn,
    hub,
  });
  const common = {
    allowedEndpointIds: [hub.executeApiEndpointId],
    associatedEndpointIds: [hub.executeApiEndpointId],
    backendHost: "checkout.payments.internal",
    port: 80,
  };
  const apiV1 = await createPrivateApi(platform, { ...common, name: `${name}-v1`, vpcLinkId: linkV1 });
  const apiV2 = await createPrivateApi(platform, {
    ...common,
    name: `${name}-v2`,
    vpcLinkId: linkV2,
    integrationTarget: balancer.loadBalancerArn,
  });
  await deploy(platform, apiV1);
  await deploy(platform, apiV2);
  return {
    applicationNlb,
    serviceId: service.serviceId,
    endpointId,
    platformNlb: balancer.loadBalancerArn,
    targetGroup: balancer.targetGroupArn,
    linkV1,
    linkV2,
    apiV1,
    apiV2,
  };
}
