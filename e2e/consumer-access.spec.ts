import { expect, test } from "@playwright/test";
import { activeExposure } from "./fixtures/active-exposure";
import { ensureRequestWorld, simulator, withWorldDatabase } from "./fixtures/request-world";
import { signedIn } from "./fixtures/sign-in";
import { demoRoles } from "@/simulator/testing/demo-roles";
import { invokePrivateApi } from "@/simulator/testing/invoke-private-api";

// Runs after accounts.spec.ts, which registers the logistics account itself (and renames it).
// The consumer's journey: Lena (logistics, a third account) asks for access to a payments API through her account's
// execute-api endpoint, picked from the live list; Paul (payments, the owning team) approves on the same page; Lena
// finds the invoke URL through her endpoint on "My access", and a call to it answers once the worker redeployed. When
// Paul switches the API to AWS_IAM, an unsigned call is refused and Lena is shown a SigV4-signed curl.

test.beforeAll(async () => {
  await ensureRequestWorld();
  await withWorldDatabase(async (db) => {
    const logistics = await db.team.findUniqueOrThrow({ where: { slug: "logistics" } });
    const account = {
      alias: "logistics-prod",
      kind: "application" as const,
      roleArn: `arn:aws:iam::${demoRoles.consumer.accountId}:role/GatehouseProvisioner`,
      externalId: demoRoles.consumer.externalId,
      regions: ["eu-west-1"],
      owningTeamId: logistics.id,
      verifiedAt: new Date(),
    };
    await db.awsAccount.upsert({
      where: { accountId: demoRoles.consumer.accountId },
      create: { accountId: demoRoles.consumer.accountId, ...account },
      update: {},
    });
  });
});

test("a consumer team requests access, the owning team approves, and the consumer sees its invoke URL", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const [paul, ada, lena] = await Promise.all([
    signedIn(browser, "Paul Payments"),
    signedIn(browser, "Ada Admin"),
    signedIn(browser, "Lena Logistics"),
  ]);

  const id = await activeExposure(paul, ada, {
    apiNamePrefix: "orders",
    justification: "Access journey: orders for other teams.",
  });

  await lena.goto(`/catalog/${id}/access`);
  const form = lena.getByRole("form", { name: "Request access" });
  await expect(form.getByLabel("Your account")).toContainText("(333333333333)");
  const endpoints = form.getByLabel("VPC endpoint").locator("option");
  await expect(endpoints).toHaveCount(2);
  await expect(endpoints.nth(1)).toContainText("private DNS off");
  const vpceId = (await endpoints.nth(1).getAttribute("value")) ?? "";
  await form.getByLabel("VPC endpoint").selectOption(vpceId);
  await form.getByLabel("Why you need access").fill("Route planning reads the orders of the day.");
  await form.getByRole("button", { name: "Request access" }).click();
  await expect(form.getByRole("status")).toHaveText("Requested: the owning team decides.");
  const lenasGrant = lena.getByRole("listitem", { name: /Access of Logistics/ });
  await expect(lenasGrant.getByTestId("grant-status")).toHaveText("pending");
  // The asker cannot approve their own request.
  await expect(lenasGrant.getByRole("button", { name: "Approve access" })).toHaveCount(0);
  await lena.screenshot({ path: "artifacts/screenshots/access-request.png", fullPage: true });

  await paul.goto(`/catalog/${id}/access`);
  const request = paul.getByRole("listitem", { name: /Access of Logistics/ });
  await expect(request).toContainText("Route planning reads the orders of the day.");
  await request.getByRole("button", { name: "Approve access" }).click();
  await expect(request.getByTestId("grant-status")).toHaveText("approved");
  await expect(request).toContainText(vpceId);
  await paul.screenshot({ path: "artifacts/screenshots/access-approval.png", fullPage: true });

  await lena.goto("/access");
  const grant = lena.getByRole("listitem", { name: /Access of Logistics/ });
  const invokeUrl = grant.getByTestId("invoke-url");
  await expect(invokeUrl).toHaveText(
    new RegExp(`^https://[a-z0-9]{10}-${vpceId}\\.execute-api\\.eu-west-1\\.amazonaws\\.com/prod$`),
  );
  await expect(grant.getByRole("button", { name: "Copy curl" })).toBeVisible();
  const host = new URL((await invokeUrl.textContent()) ?? "").host;
  await expect
    .poll(async () => (await invokePrivateApi(simulator, { path: "/prod/orders/1", host })).status, { timeout: 60_000 })
    .toBe(200);
  await lena.screenshot({ path: "artifacts/screenshots/access-invoke-url.png", fullPage: true });

  // The owning team switches the API to AWS_IAM: unsigned calls are refused, and the consumer is shown a signed call.
  await paul.getByRole("radio", { name: /^AWS_IAM/ }).check();
  await expect(paul.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await expect
    .poll(async () => (await invokePrivateApi(simulator, { path: "/prod/orders/1", host })).body, { timeout: 60_000 })
    .toBe(JSON.stringify({ message: "Missing Authentication Token" }));
  await lena.reload();
  await expect(grant).toContainText("curl -sS --aws-sigv4 'aws:amz:eu-west-1:execute-api'");
  await lena.screenshot({ path: "artifacts/screenshots/access-iam.png", fullPage: true });
});
