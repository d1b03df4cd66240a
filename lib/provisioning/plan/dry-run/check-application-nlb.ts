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
      return void (await checks.read("loadBalancer.found", "loadBalancers", accountId, () => Promise.reject(error)));
  }
  if (!loadBalancer) {
    checks.add(
      "loadBalancer.found",
      "blocker",
      { key: "dryRun.loadBalancer.notFound", values: { arn: loadBalancerArn, accountId } },
      { key: "dryRun.loadBalancer.notFoundFix" },
    );
    return;
  }
  const name = loadBalancer.LoadBalancerName ?? loadBalancerArn;
  checks.add("loadBalancer.found", "pass", { key: "dryRun.loadBalancer.found", values: { name, accountId } });
  if (loadBalancer.Type === "network")
    checks.add("loadBalancer.type", "pass", { key: "dryRun.loadBalancer.network", values: { name } });
  else
    checks.add(
      "loadBalancer.type",
      "blocker",
      { key: "dryRun.loadBalancer.wrongType", values: { name, type: loadBalancer.Type ?? "unknown" } },
      { key: "dryRun.loadBalancer.wrongTypeFix" },
    );
  if (loadBalancer.Scheme === "internal")
    checks.add("loadBalancer.scheme", "pass", { key: "dryRun.loadBalancer.internal", values: { name } });
  else
    checks.add(
      "loadBalancer.scheme",
      "blocker",
      { key: "dryRun.loadBalancer.wrongScheme", values: { name, scheme: loadBalancer.Scheme ?? "unknown" } },
      { key: "dryRun.loadBalancer.wrongSchemeFix" },
    );
  const state = loadBalancer.State?.Code ?? "unknown";
  if (state === "active")
    checks.add("loadBalancer.state", "pass", { key: "dryRun.loadBalancer.active", values: { name } });
  else if (state === "provisioning")
    checks.add("loadBalancer.state", "warning", { key: "dryRun.loadBalancer.stillProvisioning", values: { name } });
  else
    checks.add(
      "loadBalancer.state",
      "blocker",
      { key: "dryRun.loadBalancer.badState", values: { name, state } },
      { key: "dryRun.loadBalancer.badStateFix" },
    );

  const listeners = await checks.read("loadBalancer.listener", "listeners", accountId, () =>
    app.elb.send(new DescribeListenersCommand({ LoadBalancerArn: loadBalancerArn })),
  );
  if (listeners) {
    const ports = (listeners.Listeners ?? []).map((listener) => listener.Port).filter((value) => value !== undefined);
    const listening = { count: ports.length, ports: ports.join(", ") };
    if (ports.includes(port))
      checks.add("loadBalancer.listener", "pass", { key: "dryRun.loadBalancer.listens", values: { name, port } });
    else
      checks.add(
        "loadBalancer.listener",
        "blocker",
        { key: "dryRun.loadBalancer.noListener", values: { name, port, ...listening } },
        { key: "dryRun.loadBalancer.noListenerFix", values: listening },
      );
  }

  const services = await checks.read("loadBalancer.endpointService", "endpointServices", accountId, () =>
    app.ec2.send(new DescribeVpcEndpointServiceConfigurationsCommand({})),
  );
  if (services) {
    const other = (services.ServiceConfigurations ?? []).find((service) =>
      service.NetworkLoadBalancerArns?.includes(loadBalancerArn),
    );
    // An NLB backs at most one endpoint service; the one Gatehouse made for an earlier exposure is shared, not a clash.
    const gatehouses = other?.Tags?.some((tag) => tag.Key === "gatehouse:managed" && tag.Value === "true");
    const service = { name, serviceId: other?.ServiceId ?? "" };
    if (other && gatehouses)
      checks.add("loadBalancer.endpointService", "pass", { key: "dryRun.loadBalancer.sharedService", values: service });
    else if (other)
      checks.add(
        "loadBalancer.endpointService",
        "blocker",
        { key: "dryRun.loadBalancer.otherService", values: service },
        { key: "dryRun.loadBalancer.otherServiceFix" },
      );
    else checks.add("loadBalancer.endpointService", "pass", { key: "dryRun.loadBalancer.noService", values: { name } });
  }

  await checkLoadBalancerZones(checks, app, { accountId, name, loadBalancer, hubZones });
  await checkCreateEndpointService(checks, app, accountId, loadBalancerArn);
}
