import {
  DeregisterTargetsCommand,
  DescribeTargetHealthCommand,
  RegisterTargetsCommand,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { done, type StepContext } from "../engine/step-runtime";
import type { Hop, HopPlacement } from "./hop";
import { interfaceEndpointAwaitAvailable } from "./interface-endpoint-await-available";
import { targetGroupCreate } from "./target-group-create";

// The targets: the interface endpoint's ENI IPs (scenario A) or the remote IPs with AvailabilityZone "all" (scenario B).

function desiredTargets(context: StepContext) {
  const { source } = context.exposure;
  if (source.kind === "remoteNetwork")
    return source.ips.map((ip) => ({ Id: ip, Port: source.port, AvailabilityZone: "all" }));
  return context.output(interfaceEndpointAwaitAvailable, "ips").map((ip) => ({ Id: ip, Port: source.port }));
}

export const targetsRegister: Hop<"targets.register", { targets: string[] }> = {
  id: "targets.register",
  account: "platform",
  calls: ["elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets (stale)"],
  place: ({ source }): HopPlacement =>
    source.kind === "remoteNetwork"
      ? { dependsOn: [targetGroupCreate], inputs: { port: source.port, ips: source.ips, availabilityZone: "all" } }
      : {
          dependsOn: [targetGroupCreate, interfaceEndpointAwaitAvailable],
          inputs: { port: source.port, ips: "interface endpoint ENI IPs" },
        },
  async run(context) {
    const { elb } = context.platform;
    const TargetGroupArn = context.output(targetGroupCreate, "targetGroupArn");
    const desired = desiredTargets(context);
    const { TargetHealthDescriptions } = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn }));
    const registered = (TargetHealthDescriptions ?? [])
      .filter((description) => description.TargetHealth?.State !== "draining")
      .flatMap((description) => (description.Target ? [description.Target] : []));
    const stale = registered.filter(
      (target) => !desired.some((wanted) => wanted.Id === target.Id && wanted.Port === target.Port),
    );
    if (stale.length > 0)
      await elb.send(
        new DeregisterTargetsCommand({
          TargetGroupArn,
          Targets: stale.map((target) => ({ Id: target.Id, Port: target.Port })),
        }),
      );
    await elb.send(new RegisterTargetsCommand({ TargetGroupArn, Targets: desired }));
    return done({ targets: desired.map((target) => `${target.Id}:${target.Port}`) });
  },
};
