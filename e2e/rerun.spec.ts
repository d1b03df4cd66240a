import { expect, test, type Page } from "@playwright/test";
import { ensureRequestWorld, seedRolledBackRequest, withWorldDatabase } from "./fixtures/request-world";
import { signedIn } from "./fixtures/sign-in";

// A request whose failed run was rolled back sits approved with nothing in AWS. Its page says so and offers its team
// Run again and Withdraw request; a platform admin may run it again (who may do what, viewers included, is in
// authorization-matrix.spec.ts). Run again builds the chain to active through the launcher's worker; Withdraw ends it.

const statusOf = (page: Page) => page.getByRole("status", { name: "Request status" });

test("after a rollback the team runs the request again to active, or withdraws it; an admin may only run it again", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  await ensureRequestWorld();
  const [rerunId, withdrawId] = await withWorldDatabase(async (db) => [
    await seedRolledBackRequest(db, `ledger-rerun-${Date.now().toString(36)}`),
    await seedRolledBackRequest(db, `ledger-withdraw-${Date.now().toString(36)}`),
  ]);

  const ada = await signedIn(browser, "Ada Admin");
  await ada.goto(`/requests/${rerunId}`);
  await expect(statusOf(ada)).toHaveText("approved");
  await expect(ada.getByRole("button", { name: "Run again" })).toBeVisible();
  await expect(ada.getByRole("button", { name: "Withdraw request" })).toHaveCount(0);

  const paul = await signedIn(browser, "Paul Payments");
  await paul.goto(`/requests/${rerunId}`);
  await expect(paul.getByRole("note").filter({ hasText: "The failed run was rolled back" })).toBeVisible();
  await expect(paul.getByRole("button", { name: "Withdraw request" })).toBeVisible();
  await paul.screenshot({ path: "artifacts/screenshots/requests-rolled-back.png", fullPage: true });
  await paul.getByRole("button", { name: "Run again" }).click();
  await expect(statusOf(paul)).toHaveText(/^(active|failed)$/, { timeout: 120_000 });
  await expect(statusOf(paul)).toHaveText("active");
  await expect(paul.getByRole("button", { name: "Run again" })).toHaveCount(0);
  await paul.screenshot({ path: "artifacts/screenshots/requests-rerun-active.png", fullPage: true });

  await paul.goto(`/requests/${withdrawId}`);
  await paul.getByRole("button", { name: "Withdraw request" }).click();
  await expect(statusOf(paul)).toHaveText("withdrawn");
  await expect(paul.getByRole("button", { name: "Run again" })).toHaveCount(0);

  const audit = await withWorldDatabase((db) =>
    db.auditEvent.findMany({ where: { targetId: { in: [rerunId, withdrawId] } }, orderBy: { at: "asc" } }),
  );
  expect(audit.filter((event) => event.targetId === rerunId).map((event) => event.action)).toContain("request.rerun");
  expect(audit.find((event) => event.targetId === withdrawId)).toMatchObject({
    action: "request.withdrawn",
    actorLabel: "paul.payments@gatehouse.demo",
  });
});
