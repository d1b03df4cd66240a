import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  RegisterTargetsCommand,
  SetSubnetsCommand,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { DescribeSubnetsCommand, DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import { describe, expect, it } from "vitest";
import { exposureOf, hubOf } from "../plan/exposure";
import { dryRunExposure } from "../plan/dry-run/dry-run-exposure";
import { accountAccessFor, requestWithHub } from "../engine/request-access";
import { retryFailedRun } from "../engine/run-operations";
import { advanceToEnd } from "@/lib/provisioning/engine/run-to-end";
import { oneOfEach, rollBack } from "@/lib/testing/chain-outcomes";
import { provisionToEnd } from "@/lib/testing/provisioning-fixture";
import { sharedProvisioningFixture } from "@/lib/testing/shared-provisioning-fixture";
import { demoRoles } from "@/simulator/testing/demo-roles";
import { aliasHost, invokePrivateApi } from "@/simulator/testing/invoke-private-api";
import { clientsFor } from "@/simulator/testing/sim-fixture";
import { countByKind, taggedResources } from "@/simulator/testing/tagged-resources";

// An application NLB in a zone where the hub has no subnet: PrivateLink can only reach it from that zone, so the hub's
// interface endpoint has nowhere to go. The dry run reports it as a blocker; a run forced past it stops at the
// interface endpoint naming the zones and the fix; once the NLB is enabled in a hub zone, retry completes with one of
// each resource, and a rollback leaves nothing behind.

const fixture = sharedProvisioningFixture((started) => started.hubId("v1"));
const admin = { label: "ada.admin@gatehouse.demo" };

/** The payments team's checkout NLB, put by the team in the one subnet whose zone the hub lacks. */
async function loadBalancerOutsideHubZones(name: string) {
  const team = clientsFor(fixture.sim, demoRoles.application.accountId);
  const hub = await fixture.database.db.platformHub.findFirstOrThrow();
  const platform = clientsFor(fixture.sim, demoRoles.platform.accountId);
  const hubZones =
    (await platform.ec2.send(new DescribeSubnetsCommand({ SubnetIds: hub.subnetIds }))).Subnets?.map(
      (subnet) => subnet.AvailabilityZoneId,
    ) ?? [];
  const { Vpcs } = await team.ec2.send(
    new DescribeVpcsCommand({ Filters: [{ Name: "tag:Name", Values: ["payments-eks"] }] }),
  );
  const VpcId = Vpcs?.[0]?.VpcId;
  const { Subnets = [] } = await team.ec2.send(
    new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: [VpcId ?? ""] }] }),
  );
  const lone = Subnets.find((subnet) => !hubZones.includes(subnet.AvailabilityZoneId));
  // The checkout pod (10.20.1.87) runs in this subnet, in a zone the hub shares.
  const pods = Subnets.find((subnet) => subnet.CidrBlock === "10.20.1.0/24");
  const { TargetGroups } = await team.elb.send(
    new CreateTargetGroupCommand({ Name: `${name}-tg`, Protocol: "TCP", Port: 8080, VpcId, TargetType: "ip" }),
  );
  const TargetGroupArn = TargetGroups?.[0]?.TargetGroupArn;
  await team.elb.send(new RegisterTargetsCommand({ TargetGroupArn, Targets: [{ Id: "10.20.1.87", Port: 8080 }] }));
  const { LoadBalancers } = await team.elb.send(
    new CreateLoadBalancerCommand({ Name: name, Type: "network", Scheme: "internal", Subnets: [lone?.SubnetId ?? ""] }),
  );
  const LoadBalancerArn = LoadBalancers?.[0]?.LoadBalancerArn ?? "";
  await team.elb.send(
    new CreateListenerCommand({
      LoadBalancerArn,
      Protocol: "TCP",
      Port: 80,
      DefaultActions: [{ Type: "forward", TargetGroupArn }],
    }),
  );
  return {
    loadBalancerArn: LoadBalancerArn,
    loneZoneId: lone?.AvailabilityZoneId ?? "",
    /** The fix: the team enables the NLB in the pods' zone too, which the hub has. */
    enableHubZone: () =>
      team.elb.send(new SetSubnetsCommand({ LoadBalancerArn, Subnets: [lone?.SubnetId ?? "", pods?.SubnetId ?? ""] })),
  };
}

async function requestFor(loadBalancerArn: string): Promise<string> {
  const requestId = await fixture.approvedRequest({ scenario: "cross_account_nlb", linkMode: "v1" });
  await fixture.database.db.exposureRequest.update({ where: { id: requestId }, data: { loadBalancerArn } });
  return requestId;
}

async function dryRunChecks(requestId: string) {
  const { db } = fixture.database;
  const request = await db.exposureRequest.findUniqueOrThrow({ where: { id: requestId }, include: requestWithHub });
  const plan = await dryRunExposure({
    clients: fixture.dependencies.clients,
    exposure: exposureOf(request),
    hub: hubOf(request.hub),
    ...(await accountAccessFor(db, request)),
  });
  return plan.checks;
}

describe("an application NLB outside the hub's zones", () => {
  it("is a blocker in the dry run; a forced run stops at the interface endpoint with the fix; after the fix, retry completes with one of each", async () => {
    const { db } = fixture.database;
    const balancer = await loadBalancerOutsideHubZones("checkout-lone-zone");
    const requestId = await requestFor(balancer.loadBalancerArn);
    expect(await dryRunChecks(requestId)).toContainEqual(
      expect.objectContaining({
        id: "availabilityZones",
        status: "blocker",
        message: {
          key: "dryRun.zones.noneShared",
          values: expect.objectContaining({ zones: expect.stringContaining(balancer.loneZoneId) }),
        },
      }),
    );

    const result = await provisionToEnd(fixture, requestId);
    expect(result.status).toBe("failed");
    const failed = await db.provisioningStep.findFirstOrThrow({ where: { runId: result.runId, status: "failed" } });
    expect(failed.error).toMatchObject({
      hop: "interfaceEndpoint.create",
      message: expect.stringContaining(balancer.loneZoneId),
      fix: expect.stringMatching(/^Enable the application NLB in a zone of the hub \(euw1-az1, euw1-az2/),
      fixKey: "failures.fix.zoneMismatch",
      fixValues: { hubZones: expect.stringContaining("euw1-az1"), serviceZones: expect.any(String) },
    });

    await balancer.enableHubZone();
    expect((await dryRunChecks(requestId)).filter((check) => check.status === "blocker")).toEqual([]);
    await retryFailedRun(db, requestId, admin);
    expect((await advanceToEnd(fixture.dependencies, result.runId)).status).toBe("succeeded");
    expect(countByKind(taggedResources(fixture.sim, "gatehouse:request-id", requestId))).toEqual(
      oneOfEach("cross_account_nlb", "v1"),
    );
    const restApiId = (await db.provisionedResource.findFirstOrThrow({ where: { requestId, kind: "rest-api" } }))
      .identifier;
    const hub = await db.platformHub.findFirstOrThrow();
    const answer = await invokePrivateApi(fixture.sim, {
      path: "/prod/orders/42",
      host: aliasHost(restApiId, hub.executeApiEndpointId),
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ service: "checkout-api" });
  });

  it("rolls back to nothing tagged", async () => {
    const balancer = await loadBalancerOutsideHubZones("checkout-lone-zone-2");
    const requestId = await requestFor(balancer.loadBalancerArn);
    expect((await provisionToEnd(fixture, requestId)).status).toBe("failed");
    expect(taggedResources(fixture.sim, "gatehouse:request-id", requestId).length).toBeGreaterThan(0);
    expect(await rollBack(fixture, requestId)).toEqual({ status: "succeeded", tagged: [], requestStatus: "approved" });
  });
});
