import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures/sign-in";

const adminPages = ["/approvals", "/accounts", "/audit"];

test.describe("signed out", () => {
  test("pages redirect to sign-in and APIs answer 401; health stays public", async ({ request }) => {
    for (const path of ["/requests", "/topology", ...adminPages]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(307);
      expect(response.headers().location, path).toContain(`/signin?callbackUrl=${encodeURIComponent(path)}`);
    }
    expect((await request.get("/api/me")).status()).toBe(401);
    expect((await request.get("/api/health")).status()).toBe(200);
  });
});

for (const name of ["Vic Viewer", "Lena Logistics"]) {
  test(`${name} gets a 403 from every admin page, on the server`, async ({ page }) => {
    await signInAs(page, name);
    const navigation = page.getByRole("navigation", { name: "Main" });
    await expect(navigation.getByRole("link", { name: "Approvals" })).toHaveCount(0);
    for (const path of adminPages) {
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(403);
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "403 · Not allowed" })).toBeVisible();
    }
  });
}

test("a platform admin reaches every admin page and sees sign-ins in the audit log", async ({ page }) => {
  await signInAs(page, "Ada Admin");
  for (const path of adminPages) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
  }
  await page.goto("/audit?action=auth.sign_in");
  await expect(page.getByRole("table")).toContainText("ada.admin@gatehouse.demo");
  await page.screenshot({ path: "artifacts/screenshots/audit-log.png", fullPage: true });
  const me = await (await page.request.get("/api/me")).json();
  expect(me).toMatchObject({ name: "Ada Admin", isPlatformAdmin: true });
});
