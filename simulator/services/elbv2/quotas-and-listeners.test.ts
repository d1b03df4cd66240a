import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  DeregisterTargetsCommand,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { CreateVpcLinkCommand } from "@aws-sdk/client-api-gateway";
import { describe, expect, it } from "vitest";
import { buildNetwork, platformAccount, startTestSimulator } from "../../testing/sim-fixture";

describe("ELBv2 listeners and quotas", () => {
  it("makes a listener idempotent on identical settings and refuses another on the same port", async () => {
    const { sim, clientsFor } = await startTestSimulator();
    try {
      const { elb } = clientsFor(platformAccount);
      const network = buildNetwork(sim, platformAccount);
      const { LoadBalancers } = await elb.send(
        new CreateLoadBalancerCommand({
          Name: "listeners",
          Type: "network",
          Scheme: "internal",
          Subnets: network.subnets.map((subnet) => subnet.id),
        }),
      );
      const group = async (name: string) =>
        (
          await elb.send(
            new CreateTargetGroupCommand({
              Name: name,
              Protocol: "TCP",
              Port: 80,
              VpcId: network.vpc.id,
              TargetType: "ip",
            }),
          )
        ).TargetGroups?.[0]?.TargetGroupArn ?? "";
      const [first, second] = [await group("first"), await group("second")];
      const listen = (targetGroupArn: string) =>
        elb.send(
          new CreateListenerCommand({
            LoadBalancerArn: LoadBalancers?.[0]?.LoadBalancerArn,
            Port: 80,
            Protocol: "TCP",
            DefaultActions: [{ Type: "forward", TargetGroupArn: targetGroupArn }],
          }),
        );
      const created = await listen(first);
      expect((await listen(first)).Listeners?.[0]?.ListenerArn).toBe(created.Listeners?.[0]?.ListenerArn);
      await expect(listen(second)).rejects.toMatchObject({ name: "DuplicateListenerException" });
      await expect(
        elb.send(new DeregisterTargetsCommand({ TargetGroupArn: first, Targets: [{ Id: "10.10.1.50", Port: 80 }] })),
      ).rejects.toMatchObject({ name: "InvalidTargetException" });
    } finally {
      await sim.close();
    }
  });

  it("stops at 50 load balancers and 20 V1 VPC links per account and region", async () => {
    const { sim, clientsFor } = await startTestSimulator();
    try {
      const { elb, apigateway } = clientsFor(platformAccount);
      const network = buildNetwork(sim, platformAccount);
      const subnets = network.subnets.map((subnet) => subnet.id);
      const arns: string[] = [];
      for (let index = 0; index < 50; index += 1) {
        arns.push(
          (
            await elb.send(
              new CreateLoadBalancerCommand({
                Name: `nlb-${index}`,
                Type: "network",
                Scheme: "internal",
                Subnets: subnets,
              }),
            )
          ).LoadBalancers?.[0]?.LoadBalancerArn ?? "",
        );
      }
      await expect(
        elb.send(
          new CreateLoadBalancerCommand({ Name: "nlb-50", Type: "network", Scheme: "internal", Subnets: subnets }),
        ),
      ).rejects.toMatchObject({ name: "TooManyLoadBalancersException" });
      for (const arn of arns.slice(0, 20))
        await apigateway.send(new CreateVpcLinkCommand({ name: arn.slice(-8), targetArns: [arn] }));
      await expect(
        apigateway.send(new CreateVpcLinkCommand({ name: "one-too-many", targetArns: [arns[20] ?? ""] })),
      ).rejects.toMatchObject({ name: "LimitExceededException" });
    } finally {
      await sim.close();
    }
  });
});
