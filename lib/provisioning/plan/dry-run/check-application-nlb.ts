import { DescribeVpcEndpointServiceConfigurationsCommand } from "@aws-sdk/client-ec2";
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  type LoadBalancer,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import type { Exposure } from "../exposure";
import { checkLoadBalancerZones } from "./check-availability-zones";
import { errorName, type CheckList } from "./check-list";
import { checkCreateEndpointService } from "./check-permissions";
import type { AccountClients } from "@/lib/aws/client-factory";

/** Scenario A: the NLB exists, is an internal, active network load balancer, listens on the port and is free to back an endpoint service. */
export async function checkApplicationLoadBalancer(
  checks: CheckList,
  app: AccountClients,
  source: Extract<Exposure["source"], { kind: "crossAccountNlb" }>,
  hubZones: Map<string, string>,
): Promise<void> {
  const { accountId, loadBalancerArn, port } = source;
  let loadBalancer: LoadBalancer | undefined;
  try {
    loadBalancer = (await app.elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [loadBalancerArn] })))
      .LoadBalancers?.[0];
  } catch (error) {
    if (!errorName(error).startsWith("LoadBalancerNotFound"))
      return void (await checks.read("loadBalancer.found", "describe load balancers", accountId, () =>
        Promise.reject(error),
      ));
  }
  if (!loadBalancer) {
    checks.add(
      "loadBalancer.found",
      "blocker",
      `No load balancer ${loadBalancerArn} in account ${accountId}.`,
      "Pick a load balancer from the list of the account's internal NLBs.",
    );
    return;
  }
  const name = loadBalancer.LoadBalancerName ?? loadBalancerArn;
  checks.add("loadBalancer.found", "pass", `Load balancer ${name} exists in ${accountId}.`);
  if (loadBalancer.Type === "network") checks.add("loadBalancer.type", "pass", `${name} is a network load balancer.`);
  else
    checks.add(
      "loadBalancer.type",
      "blocker",
      `${name} is an ${loadBalancer.Type ?? "unknown"} load balancer; an endpoint service needs a network load balancer.`,
      "Put the service behind an internal NLB (for Kubernetes: service.beta.kubernetes.io/aws-load-balancer-type: external, nlb-target-type: ip).",
    );
  if (loadBalancer.Scheme === "internal") checks.add("loadBalancer.scheme", "pass", `${name} is internal.`);
  else
    checks.add(
      "loadBalancer.scheme",
      "blocker",
      `${name} is ${loadBalancer.Scheme ?? "of unknown scheme"}; only internal load balancers may be exposed privately.`,
      "Use an internal NLB (aws-load-balancer-scheme: internal).",
    );
  const state = loadBalancer.State?.Code ?? "unknown";
  if (state === "active") checks.add("loadBalancer.state", "pass", `${name} is active.`);
  else if (state === "provisioning")
    checks.add("loadBalancer.state", "warning", `${name} is still provisioning; the run waits for it.`);
  else
    checks.add(
      "loadBalancer.state",
      "blocker",
      `${name} is ${state}.`,
      "Wait until the load balancer is active, or fix it in the application account.",
    );

  const listeners = await checks.read("loadBalancer.listener", "describe listeners", accountId, () =>
    app.elb.send(new DescribeListenersCommand({ LoadBalancerArn: loadBalancerArn })),
  );
  if (listeners) {
    const ports = (listeners.Listeners ?? []).map((listener) => listener.Port).filter((value) => value !== undefined);
    if (ports.includes(port)) checks.add("loadBalancer.listener", "pass", `${name} listens on port ${port}.`);
    else
      checks.add(
        "loadBalancer.listener",
        "blocker",
        `${name} has no listener on port ${port} (it listens on ${ports.length > 0 ? ports.join(", ") : "no port"}).`,
        `Pick one of the listener ports: ${ports.join(", ") || "none"}.`,
      );
  }

  const services = await checks.read("loadBalancer.endpointService", "describe endpoint services", accountId, () =>
    app.ec2.send(new DescribeVpcEndpointServiceConfigurationsCommand({})),
  );
  if (services) {
    const other = (services.ServiceConfigurations ?? []).find((service) =>
      service.NetworkLoadBalancerArns?.includes(loadBalancerArn),
    );
    // An NLB backs at most one endpoint service; the one Gatehouse made for an earlier exposure is shared, not a clash.
    const gatehouses = other?.Tags?.some((tag) => tag.Key === "gatehouse:managed" && tag.Value === "true");
    if (other && gatehouses)
      checks.add(
        "loadBalancer.endpointService",
        "pass",
        `${name} backs Gatehouse's endpoint service ${other.ServiceId ?? ""}, which this exposure will share.`,
      );
    else if (other)
      checks.add(
        "loadBalancer.endpointService",
        "blocker",
        `${name} already backs endpoint service ${other.ServiceId ?? ""}.`,
        "Remove that endpoint service, or ask the platform team to connect to it instead.",
      );
    else checks.add("loadBalancer.endpointService", "pass", `${name} backs no other endpoint service.`);
  }

  await checkLoadBalancerZones(checks, app, { accountId, name, loadBalancer, hubZones });
  await checkCreateEndpointService(checks, app, accountId, loadBalancerArn);
}
