import { GetRestApiCommand } from "@aws-sdk/client-api-gateway";
import { STSClient } from "@aws-sdk/client-sts";
import { describe, expect, it } from "vitest";
import { accountAccessOf } from "@/lib/accounts/account-access";
import { accountRoleTemplate, accountView } from "@/lib/accounts/account-views";
import { createStackUrl, exampleTemplateUrl, quickCreateUrl } from "@/lib/accounts/role-template";
import { accountRootArn } from "@/lib/aws/partition";
import { portalPrincipalArn } from "@/lib/aws/portal-identity";
import { exposureOf, hubOf } from "@/lib/provisioning/plan/exposure";
import { planChain } from "@/lib/provisioning/plan/plan-chain";
import { dryRunExposure } from "@/lib/provisioning/plan/dry-run/dry-run-exposure";
import { getRequestDetails } from "@/lib/requests/request-details";
import { loadPlatformTopology, loadRequestTopology } from "@/lib/topology/load-topology";
import { findActiveUser } from "@/lib/users/sign-in";
import type { LinkMode, Scenario } from "@/lib/generated/prisma/client";
import { provisionToActive } from "@/lib/testing/chain-outcomes";
import { chinaFixtureLandscape } from "@/lib/testing/provisioning-fixture";
import { sharedProvisioningFixture } from "@/lib/testing/shared-provisioning-fixture";
import { assumeDemoRole, chinaRoles } from "@/simulator/testing/demo-roles";

// Every string Gatehouse generates for a chain in AWS China, walked for the commercial partition leaking in: an
// `arn:aws:` ARN, a name under `amazonaws.com` instead of `amazonaws.com.cn`, a link to the global console.

const fixture = sharedProvisioningFixture(undefined, chinaFixtureLandscape);
const region = chinaFixtureLandscape.region;

// Service principals are not endpoints: AWS China's ELB service-linked role trusts `elasticloadbalancing.amazonaws.com`
// as in every partition (https://docs.amazonaws.cn/en_us/elasticloadbalancing/latest/userguide/elb-service-linked-roles.html),
// so the role policy names it so, as the service and in the role's path.
const servicePrincipal =
  /^elasticloadbalancing\.amazonaws\.com$|aws-service-role\/elasticloadbalancing\.amazonaws\.com\//g;
const leak = /arn:aws:|amazonaws\.com(?!\.cn)|console\.aws\.amazon\.com/;

/** Every string in `value` (keys too) with a commercial-partition name, by its path. */
function partitionLeaks(value: unknown, path = "$"): string[] {
  if (typeof value === "string")
    return leak.test(value.replace(servicePrincipal, "")) ? [`${path}: ${value.slice(0, 200)}`] : [];
  if (value instanceof Date || value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, child]) => [
    ...partitionLeaks(key, `${path}[key]`),
    ...partitionLeaks(child, `${path}.${key}`),
  ]);
}

/** What Gatehouse generated for one China chain, provisioned to active: each as the portal, the API or the worker has it. */
async function generatedForChinaChain(scenario: Scenario, linkMode: LinkMode) {
  const { db } = fixture.database;
  const { requestId, runId, outputs } = await provisionToActive(fixture, { scenario, linkMode });
  const admin = await findActiveUser(
    db,
    (await db.user.findUniqueOrThrow({ where: { email: "ada.admin@gatehouse.demo" } })).id,
  );
  if (!admin) throw new Error("the demo admin is missing");
  const request = await db.exposureRequest.findUniqueOrThrow({
    where: { id: requestId },
    include: { hub: { include: { account: true } } },
  });
  const accounts = (await db.awsAccount.findMany({ include: { owningTeam: true } })).map(accountView);
  const portal = await portalPrincipalArn(new STSClient({ region, credentials: fixture.sim.portalCredentials }));
  const application = await db.awsAccount.findFirstOrThrow({ where: { kind: "application" } });
  const hub = hubOf(request.hub);
  const platformRole = await assumeDemoRole(fixture.sim, chinaRoles.platform, region);
  const restApiId = outputs["restApi.create"]?.restApiId ?? "";
  return {
    roleTemplates: accounts.map((account) => accountRoleTemplate(account, portal)),
    consoleLinks: accounts.flatMap((account) => [
      createStackUrl(account.partition, region),
      exampleTemplateUrl(region),
      quickCreateUrl({ ...account, region, templateUrl: exampleTemplateUrl(region) }),
    ]),
    plan: planChain(exposureOf(request), hub),
    dryRun: await dryRunExposure({
      clients: fixture.dependencies.clients,
      exposure: exposureOf(request),
      hub,
      platform: accountAccessOf(request.hub.account, region),
      application: scenario === "cross_account_nlb" ? accountAccessOf(application, region) : undefined,
    }),
    stepOutputs: await db.provisioningStep.findMany({ where: { runId } }),
    resources: await db.provisionedResource.findMany({ where: { requestId } }),
    requestDetails: await getRequestDetails(db, admin, requestId),
    requestTopology: await loadRequestTopology(db, admin, requestId),
    platformTopology: await loadPlatformTopology(db, admin),
    resourcePolicyInAws: (await platformRole.apigateway.send(new GetRestApiCommand({ restApiId }))).policy,
  };
}

describe("the strings of a chain in AWS China", () => {
  it.each([
    { scenario: "cross_account_nlb" as const, linkMode: "v1" as const },
    { scenario: "remote_network" as const, linkMode: "v2" as const },
  ])("carry the aws-cn partition everywhere for $scenario with link mode $linkMode", async ({ scenario, linkMode }) => {
    const generated = await generatedForChinaChain(scenario, linkMode);
    expect(partitionLeaks(generated)).toEqual([]);
    // The walk saw the China names it should: a leak-free answer from an empty walk would prove nothing.
    const text = JSON.stringify(generated);
    for (const expected of [
      "arn:aws-cn:iam::",
      "arn:aws-cn:elasticloadbalancing:",
      "arn:aws-cn:execute-api:cn-north-1:",
      ".amazonaws.com.cn/prod",
    ])
      expect(text).toContain(expected);
    expect(text).toContain("https://console.amazonaws.cn/");
    expect(generated.dryRun.checks).toContainEqual(
      expect.objectContaining({ id: "apiGateway.icpFiling", status: "warning" }),
    );
  });

  it("finds the commercial partition where it is (the walk can fail)", () => {
    const commercial = "eu-west-1";
    expect(
      partitionLeaks({
        console: createStackUrl("aws", commercial),
        s3: [exampleTemplateUrl(commercial)],
        principal: { [accountRootArn(commercial, "111111111111")]: true },
        servicePrincipal: "elasticloadbalancing.amazonaws.com",
      }),
    ).toEqual([
      "$.console: https://console.aws.amazon.com/cloudformation/home?region=eu-west-1#/stacks/create/template",
      "$.s3.0: https://my-bucket.s3.eu-west-1.amazonaws.com/gatehouse-role.json",
      "$.principal[key]: arn:aws:iam::111111111111:root",
    ]);
  });
});
