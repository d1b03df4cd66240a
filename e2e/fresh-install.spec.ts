import { expect, test } from "@playwright/test";
import { withWorldDatabase } from "./fixtures/request-world";
import { signInAs } from "./fixtures/sign-in";
import { demoAccounts } from "@/lib/demo/demo-organisation";

// The first look at a fresh install (the launcher's demo organisation: two accounts registered, none verified, no hub,
// no request). Runs before every other journey (its own project in playwright.config.ts), which change that state.

test("a platform admin lands on the home page's getting-started checklist, which ticks itself off from the real state", async ({
  page,
}) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in as Ada Admin" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "Home" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Getting started: 0 of 3 done" })).toBeVisible();
  const checklist = page.getByRole("list", { name: "Getting-started checklist" });
  for (const [index, step] of ["Verify the AWS accounts", "Save a hub", "See a first request through"].entries()) {
    await expect(checklist.getByRole("listitem").nth(index)).toHaveAccessibleName(`${step}: to do`);
  }
  await expect(checklist).toContainText("2 of 2 registered accounts not verified yet.");
  const attention = page.getByRole("list", { name: "Needs attention" });
  await expect(attention.getByRole("link", { name: /accounts not verified/ })).toContainText("2");
  await expect(page.getByRole("region", { name: "Accounts not verified" })).toContainText("platform-hub");
  await page.screenshot({ path: "artifacts/screenshots/home-fresh-install.png", fullPage: true });

  await checklist.getByRole("link", { name: "Save a hub" }).click();
  await expect(page).toHaveURL(/\/accounts\/hub$/);
  await page.goBack();

  // The accounts verified (as the accounts journey does through the UI), the first step ticks itself off; the state
  // is put back for the journeys after this one.
  const accountIds = demoAccounts.map((account) => account.accountId);
  await withWorldDatabase((db) =>
    db.awsAccount.updateMany({ where: { accountId: { in: accountIds } }, data: { verifiedAt: new Date() } }),
  );
  try {
    await page.reload();
    await expect(page.getByRole("heading", { name: "Getting started: 1 of 3 done" })).toBeVisible();
    await expect(checklist.getByRole("listitem").first()).toHaveAccessibleName("Verify the AWS accounts: done");
    await expect(checklist).toContainText("All 2 registered accounts verified.");
    await expect(page.getByRole("region", { name: "Accounts not verified" })).toHaveCount(0);
  } finally {
    await withWorldDatabase((db) =>
      db.awsAccount.updateMany({ where: { accountId: { in: accountIds } }, data: { verifiedAt: null } }),
    );
  }
});

test("a requester lands on their home with a New request call to action", async ({ page }) => {
  await signInAs(page, "Paul Payments");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText("No exposure requests yet")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Getting started" })).toHaveCount(0);
  await page.getByRole("link", { name: "New request" }).click();
  await expect(page).toHaveURL(/\/requests\/new$/);
});
