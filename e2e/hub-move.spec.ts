import { expect, test, type Page } from "@playwright/test";
import { ensureRequestWorld, paulsDatacenterRequest, withWorldDatabase } from "./fixtures/request-world";
import { signedIn } from "./fixtures/sign-in";

// Moving an exposure to another hub in the browser: Ada picks the second hub of eu-west-1 on an active exposure's page
// and asks for the move; it waits for another admin, and Grace rejects it, which leaves the exposure active where it
// was. (The move run itself is tested through the engine and the simulator in hub-move.test.ts.) The second hub is a
// row of this spec's own, removed afterwards so that no other journey places an exposure on it.

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `artifacts/screenshots/hub-move-${name}.png`, fullPage: true });

const secondAccountId = "111111111177";

test.beforeAll(async () => {
  await ensureRequestWorld();
});

async function seed(): Promise<{ requestId: string; hubId: string }> {
  return withWorldDatabase(async (db) => {
    const base = await paulsDatacenterRequest(db);
    const hub = await db.platformHub.findUniqueOrThrow({ where: { id: base.hubId }, include: { account: true } });
    const account = await db.awsAccount.create({
      data: {
        accountId: secondAccountId,
        alias: "platform-hub-2",
        kind: "platform",
        roleArn: `arn:aws:iam::${secondAccountId}:role/GatehouseProvisioner`,
        externalId: `move-spec-${Date.now().toString(36)}`,
        regions: ["eu-west-1"],
        owningTeamId: hub.account.owningTeamId,
      },
    });
    const second = await db.platformHub.create({
      data: {
        accountId: account.id,
        region: "eu-west-1",
        vpcId: hub.vpcId,
        subnetIds: hub.subnetIds,
        securityGroupIds: hub.securityGroupIds,
        executeApiEndpointId: hub.executeApiEndpointId,
      },
    });
    const request = await db.exposureRequest.create({
      data: {
        ...base,
        apiName: `moving-${Date.now().toString(36)}`,
        justification: "An active exposure the move journey asks to move.",
        status: "active",
      },
    });
    return { requestId: request.id, hubId: second.id };
  });
}

test("Ada asks to move an active exposure to the region's other hub; Grace rejects it and it stays active", async ({
  browser,
}) => {
  const { requestId, hubId } = await seed();
  try {
    const ada = await signedIn(browser, "Ada Admin");
    await ada.goto(`/requests/${requestId}`);
    await expect(ada.getByLabel("Target hub")).toContainText(`platform-hub-2 (${secondAccountId})`);
    await ada.getByRole("button", { name: "Move to another hub" }).click();
    await expect(ada.getByRole("dialog")).toContainText("consumers must call the new invoke URL");
    await shot(ada, "confirm");
    await ada.getByRole("button", { name: "Yes, request the move" }).click();
    const status = ada.getByRole("status", { name: "Request status" });
    await expect(status).toHaveText("move pending");
    // Ada asked, so another admin decides (four-eyes).
    await expect(ada.getByText("You asked for this move")).toBeVisible();

    const grace = await signedIn(browser, "Grace Admin");
    await grace.goto(`/requests/${requestId}`);
    await expect(grace.getByRole("heading", { name: "Move to another hub: your decision" })).toBeVisible();
    await shot(grace, "decision");
    await grace.getByLabel(/Comment/).fill("Not during the quarter close.");
    await grace.getByRole("button", { name: "Reject" }).click();
    await expect(grace.getByRole("status", { name: "Request status" })).toHaveText("active");
  } finally {
    await withWorldDatabase(async (db) => {
      await db.platformHub.delete({ where: { id: hubId } });
      await db.awsAccount.delete({ where: { accountId: secondAccountId } });
    });
  }
});
