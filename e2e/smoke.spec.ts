import { expect, test } from "@playwright/test";

test("a demo user signs in and sees the shell", async ({ page }) => {
  await page.goto("/requests");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Frequests/);
  // Sign-in goes back where the browser was headed (without a callbackUrl it lands on the home page).
  await page.getByRole("button", { name: "Sign in as Paul Payments" }).click();
  await expect(page).toHaveURL(/\/requests$/);
  await expect(page.getByRole("banner")).toContainText("Paul Payments");
  await expect(page.getByRole("heading", { name: "My requests" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText([
    "Home",
    "My requests",
    "API catalog",
    "Topology",
    "My access",
    "API tokens",
  ]);
  await page.screenshot({ path: "artifacts/screenshots/shell-requester.png", fullPage: true });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/requests");
  await expect(page).toHaveURL(/\/signin/);
});
