import { expect, test } from "@playwright/test";
import { activeExposure } from "./fixtures/active-exposure";
import { ensureRequestWorld } from "./fixtures/request-world";
import { signedIn } from "./fixtures/sign-in";

// A platform admin manages who may call an active exposure from the request page: adds a consumer VPC endpoint that no
// registered account owns, which waits for a second admin (the proposer cannot approve it); another admin approves it,
// it is applied and then live; a bad ID is explained; removing it applies at once. The team's requester does not see
// the panel. The exposure is really provisioned by the launcher's worker against the simulator.

const consumer = "vpce-0a1b2c3d4e5f60718";

test.beforeAll(async () => {
  await ensureRequestWorld();
});

test("an admin adds a consumer endpoint to an active exposure, sees it go live, and removes it", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const paul = await signedIn(browser, "Paul Payments");
  const ada = await signedIn(browser, "Ada Admin");
  const grace = await signedIn(browser, "Grace Admin");
  const id = await activeExposure(paul, ada, {
    apiNamePrefix: "consumers",
    justification: "Consumer endpoints journey: the ledger for another VPC.",
  });
  await ada.reload();
  const panel = ada.getByRole("region", { name: "Consumer endpoints" });
  await expect(panel.getByRole("list", { name: "Allowed consumer endpoints" })).toContainText("only the hub may call");

  const field = panel.getByLabel("Add a VPC endpoint");
  await field.fill("vpce-123");
  await panel.getByRole("button", { name: "Add" }).click();
  await expect(panel).toContainText("must be a VPC endpoint ID");

  await field.fill(consumer);
  await panel.getByRole("button", { name: "Add" }).click();
  const waiting = panel.getByRole("group", { name: "Change waiting for a second admin" });
  await expect(waiting).toContainText(`ada.admin@gatehouse.demo proposed allowing ${consumer}`);
  await expect(waiting).toContainText("You proposed this change");
  await expect(waiting.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await expect(panel.getByRole("list", { name: "Allowed consumer endpoints" })).toContainText("only the hub may call");
  await ada.screenshot({ path: "artifacts/screenshots/consumer-endpoints-pending.png", fullPage: true });

  await grace.goto(`/requests/${id}`);
  const gracePanel = grace.getByRole("region", { name: "Consumer endpoints" });
  await gracePanel
    .getByRole("group", { name: "Change waiting for a second admin" })
    .getByRole("button", { name: "Approve" })
    .click();
  await expect(gracePanel.getByRole("list", { name: "Allowed consumer endpoints" })).toContainText(consumer);
  await expect(gracePanel.getByRole("status")).toHaveText(/^Live since/, { timeout: 60_000 });
  await grace.screenshot({ path: "artifacts/screenshots/consumer-endpoints-approved.png", fullPage: true });

  await ada.reload();
  await expect(panel.getByRole("list", { name: "Allowed consumer endpoints" })).toContainText(consumer);
  await expect(panel.getByRole("status")).toHaveText(/^Live since/, { timeout: 60_000 });
  await expect(panel.getByRole("group", { name: "Change waiting for a second admin" })).toHaveCount(0);

  await panel.getByRole("button", { name: "Remove" }).click();
  await expect(panel.getByRole("list", { name: "Allowed consumer endpoints" })).toContainText("only the hub may call");
  await expect(panel.getByRole("status")).toHaveText(/^Live since/, { timeout: 60_000 });

  await paul.goto(`/requests/${id}`);
  await expect(paul.getByRole("status", { name: "Request status" })).toHaveText("active");
  await expect(paul.getByRole("region", { name: "Consumer endpoints" })).toHaveCount(0);
});
