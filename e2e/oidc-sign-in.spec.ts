import { expect, test, type Browser, type Page } from "@playwright/test";
import { oidcBaseUrl, oidcDatabaseUrl } from "./fixtures/oidc-world";
import { setTestIdpUser, type TestIdpUser } from "./fixtures/test-idp-users";
import { createPrismaClient } from "@/lib/db/prisma-client";

// Sign-in through a real OpenID Provider (oidc-provider on loopback, e2e/fixtures/test-idp.ts) into a Gatehouse
// configured for OIDC only, with AUTH_OIDC_GROUP_ROLES "gh-platform-admins=admin:platform,gh-payments=requester:payments".

test.describe.configure({ mode: "serial" });
test.use({ baseURL: oidcBaseUrl });

const suffix = Date.now().toString(36);
const person = (name: string, groups: string[], overrides: Partial<TestIdpUser> = {}): TestIdpUser => ({
  email: `${name}-${suffix}@corp.example`,
  email_verified: true,
  name: `${name[0]?.toUpperCase()}${name.slice(1)} ${suffix}`,
  groups,
  ...overrides,
});
const alice = { login: `alice-${suffix}`, ...person("alice", ["gh-platform-admins"]) };
const bob = { login: `bob-${suffix}`, ...person("bob", ["gh-payments"]) };
const carol = { login: `carol-${suffix}`, ...person("carol", ["gh-payments"]) };
// Someone an admin put into Gatehouse before their first sign-in (no IdP identity yet).
const victimEmail = `victor-${suffix}@corp.example`;

test.beforeAll(async () => {
  const db = createPrismaClient(oidcDatabaseUrl);
  try {
    // With OIDC configured there is no demo organisation: the teams the group mapping names are created here.
    await db.team.upsert({
      where: { slug: "platform" },
      create: { slug: "platform", name: "Platform Engineering", kind: "platform" },
      update: {},
    });
    await db.team.upsert({ where: { slug: "payments" }, create: { slug: "payments", name: "Payments" }, update: {} });
    await db.user.create({ data: { email: victimEmail, name: `Victor ${suffix}` } });
  } finally {
    await db.$disconnect();
  }
  for (const user of [alice, bob, carol]) await setTestIdpUser(user.login, user);
});

/** A fresh browser through the IdP's own sign-in and consent pages; returns where Gatehouse landed. */
async function signInThroughIdp(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: oidcBaseUrl })).newPage();
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with single sign-on" }).click();
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  // The IdP asks for consent the first time this browser authorizes Gatehouse.
  const consent = page.getByRole("button", { name: "Continue" });
  await expect(consent.or(page.getByRole("heading", { name: /Sign-in refused|My requests/ })).first()).toBeVisible();
  if (await consent.isVisible()) await consent.click();
  await page.waitForURL((url) => url.origin === oidcBaseUrl);
  return page;
}

const roleBadge = (page: Page) => page.locator(".role-badge");

test("a first sign-in through the IdP gives the roles its groups map to", async ({ browser }) => {
  const admin = await signInThroughIdp(browser, alice.login);
  await expect(roleBadge(admin)).toHaveText("admin");
  const requester = await signInThroughIdp(browser, bob.login);
  await expect(roleBadge(requester)).toHaveText("requester");
  await expect(requester.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" })).toHaveCount(
    0,
  );

  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(admin.getByRole("heading", { name: "People and teams" })).toBeVisible();
  const bobRow = admin.getByRole("row", { name: bob.email });
  await expect(bobRow).toContainText("requester of Payments");
  await expect(bobRow).toContainText("IdP group gh-payments");
  await admin.screenshot({ path: "artifacts/screenshots/people.png", fullPage: true });
});

test("an unverified email claim naming another user is refused, audited, and says whom to ask", async ({ browser }) => {
  const mallory = `mallory-${suffix}`;
  await setTestIdpUser(mallory, {
    email: victimEmail,
    email_verified: false,
    name: "Mallory",
    groups: ["gh-platform-admins"],
  });
  const page = await signInThroughIdp(browser, mallory);
  await expect(page).toHaveURL(/\/signin\?error=refused/);
  await expect(page.getByRole("heading", { name: "Sign-in refused" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Sign-in refused" })).toContainText("platform admins");
  await page.screenshot({ path: "artifacts/screenshots/sign-in-refused.png", fullPage: true });
  expect((await page.request.get("/api/me")).status()).toBe(401);

  const admin = await signInThroughIdp(browser, alice.login);
  await admin.goto("/audit?action=auth.sign_in_refused");
  await expect(admin.getByRole("table")).toContainText(victimEmail);
  await expect(admin.getByRole("table")).toContainText("email_not_verified");
  // Victor is still nobody's: no IdP identity was linked to him.
  await admin.goto("/settings/people");
  await expect(admin.getByRole("row", { name: victimEmail })).toContainText("not linked to an IdP");
});

test("removed from the group in the IdP, a user loses the role at their next sign-in", async ({ browser }) => {
  const before = await signInThroughIdp(browser, bob.login);
  await expect(roleBadge(before)).toHaveText("requester");
  await setTestIdpUser(bob.login, { ...bob, groups: [] });
  const after = await signInThroughIdp(browser, bob.login);
  await expect(roleBadge(after)).toHaveText("no role");
  // Losing the last role ended the earlier session too.
  expect((await before.request.get("/api/me")).status()).toBe(401);
});

test("a disabled user's session and token get 401 on their next request; the last admin cannot be disabled", async ({
  browser,
}) => {
  const user = await signInThroughIdp(browser, carol.login);
  const created = await user.request.post("/api/v1/tokens", {
    headers: { origin: oidcBaseUrl },
    data: { name: "pipeline", scopes: ["requests:read"], expiresInDays: 7 },
  });
  expect(created.status()).toBe(201);
  const { secret } = (await created.json()) as { secret: string };
  const bearer = { authorization: `Bearer ${secret}` };
  expect((await user.request.get("/api/v1/requests", { headers: bearer })).status()).toBe(200);

  const admin = await signInThroughIdp(browser, alice.login);
  await admin.goto("/settings/people");
  admin.once("dialog", (dialog) => void dialog.accept());
  await admin.getByRole("button", { name: `Disable ${carol.email}` }).click();
  await expect(admin.getByRole("row", { name: carol.email })).toContainText("disabled");

  expect((await user.request.get("/api/me")).status()).toBe(401);
  expect((await user.request.get("/api/v1/requests", { headers: bearer })).status()).toBe(401);
  await user.goto("/requests");
  await expect(user).toHaveURL(/\/signin/);

  admin.once("dialog", (dialog) => void dialog.accept());
  await admin.getByRole("button", { name: `Disable ${alice.email}` }).click();
  await expect(admin.getByRole("alert").filter({ hasText: "last platform admin" })).toBeVisible();
});
