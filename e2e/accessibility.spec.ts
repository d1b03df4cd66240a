import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ensureRequestWorld, withWorldDatabase } from "./fixtures/request-world";
import { Prisma } from "@/lib/generated/prisma/client";
import { signInAs } from "./fixtures/sign-in";

// Every page of the portal, as the role that uses it, checked with axe against WCAG 2.1 A and AA (labels, names,
// contrast, landmarks, ARIA); then the same pages on a phone, which must not scroll sideways.

type PageVisit = { path: string; heading: RegExp };

// The spec runs before the journeys (files run in name order) and must leave the world as it found them: the demo
// accounts it marks verified go back to never verified, and the hub and request it adds are removed.
type Borrowed = { requestId: string; accountIds: string[]; hubId?: string };

/** A pending request of the payments team, so request pages have something to show. */
async function borrowWorld(): Promise<Borrowed> {
  const before = await withWorldDatabase(async (db) => ({
    unverified: (await db.awsAccount.findMany({ where: { verifiedAt: null }, select: { id: true } })).map(
      (account) => account.id,
    ),
    hub: await db.platformHub.findFirst({ where: { region: "eu-west-1" } }),
  }));
  await ensureRequestWorld();
  return withWorldDatabase(async (db) => {
    const team = await db.team.findUniqueOrThrow({ where: { slug: "payments" } });
    const requester = await db.user.findUniqueOrThrow({ where: { email: "paul.payments@gatehouse.demo" } });
    const hub = await db.platformHub.findFirstOrThrow({ where: { region: "eu-west-1" } });
    const request = await db.exposureRequest.create({
      data: {
        teamId: team.id,
        requesterId: requester.id,
        hubId: hub.id,
        scenario: "remote_network",
        remoteNetworkName: "datacenter-frankfurt",
        remoteIps: ["10.50.12.34"],
        port: 8080,
        apiName: "accessibility-check",
        stageName: "prod",
        justification: "Accessibility check of the request pages",
        status: "pending_approval",
      },
    });
    return { requestId: request.id, accountIds: before.unverified, hubId: before.hub ? undefined : hub.id };
  });
}

async function giveBack({ requestId, accountIds, hubId }: Borrowed) {
  await withWorldDatabase(async (db) => {
    await db.exposureRequest.delete({ where: { id: requestId } });
    if (hubId) await db.platformHub.delete({ where: { id: hubId } });
    await db.awsAccount.updateMany({
      where: { id: { in: accountIds } },
      data: { verifiedAt: null, verification: Prisma.DbNull },
    });
  });
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
}

async function visit(page: Page, { path, heading }: PageVisit) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  // Let queries settle so the checked page is the one a user reads, not a loading state.
  await page.waitForLoadState("networkidle");
}

/** Each page opened as `open` does it, then checked with axe; `then` looks further at the checked page. */
async function sweep(
  page: Page,
  visits: PageVisit[],
  open: (page: Page, visit: PageVisit) => Promise<void>,
  then: (path: string) => Promise<void> = async () => {},
) {
  for (const visitTo of visits) {
    await open(page, visitTo);
    expect(await seriousViolations(page), visitTo.path).toEqual([]);
    await then(visitTo.path);
  }
}

let borrowed: Borrowed;
let requestId: string;
let accountId: string;

test.beforeAll(async () => {
  borrowed = await borrowWorld();
  requestId = borrowed.requestId;
  accountId = await withWorldDatabase(
    async (db) => (await db.awsAccount.findUniqueOrThrow({ where: { accountId: "222222222222" } })).id,
  );
});

test.afterAll(async () => {
  await giveBack(borrowed);
});

const requesterPages = (): PageVisit[] => [
  { path: "/", heading: /Home/ },
  { path: "/requests", heading: /My requests/ },
  { path: "/requests/new", heading: /Request/ },
  { path: `/requests/${requestId}`, heading: /accessibility-check/ },
  { path: "/topology", heading: /Topology/ },
  { path: `/topology/${requestId}`, heading: /Request topology/ },
  { path: "/catalog", heading: /API catalog/ },
  { path: "/settings/tokens", heading: /API tokens/ },
];
const adminPages = (): PageVisit[] => [
  { path: "/approvals", heading: /Approvals/ },
  { path: "/accounts", heading: /Accounts/ },
  { path: "/accounts/new", heading: /Register/ },
  { path: `/accounts/${accountId}`, heading: /payments-prod/ },
  { path: `/accounts/${accountId}/edit`, heading: /Edit/ },
  { path: "/accounts/hub", heading: /hub/i },
  { path: "/audit", heading: /Audit/ },
  { path: "/settings/people", heading: /People and teams/ },
];

test("the sign-in page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/signin");
  expect(await seriousViolations(page)).toEqual([]);
});

test("a requester's pages have no serious accessibility violations", async ({ page }) => {
  await signInAs(page, "Paul Payments");
  await sweep(page, requesterPages(), visit);
});

test("a platform admin's pages have no serious accessibility violations", async ({ page }) => {
  // Eight pages, each a full axe run: past the default minute on a loaded machine.
  test.setTimeout(120_000);
  await signInAs(page, "Ada Admin");
  await sweep(page, adminPages(), visit);
});

// The same sweep in Simplified Chinese: the browser asks for zh-CN (Accept-Language), so every page, the sign-in page
// included, renders in Chinese with <html lang="zh-CN"> (a screen reader's voice follows it). Headings are not
// matched by their words here: the English sweep above does that.
test.describe("in Simplified Chinese", () => {
  test.use({ locale: "zh-CN" });

  async function signInInChinese(page: Page, name: string) {
    await page.goto("/signin");
    // The button's hidden prefix is a block of its own to the accessibility tree: a space follows it in the name.
    await page.getByRole("button", { name: new RegExp(`^以此身份登录：\\s*${name}`) }).click();
    await expect(page.getByRole("navigation", { name: "主导航" })).toBeVisible();
  }

  async function visitInChinese(page: Page, { path }: PageVisit) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForLoadState("networkidle");
  }

  test("the sign-in page is in Chinese and has no serious accessibility violations", async ({ page }) => {
    await page.goto("/signin");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("登录 Gatehouse");
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: "artifacts/screenshots/zh-signin.png", fullPage: true });
  });

  test("a requester's pages in Chinese have no serious accessibility violations", async ({ page }) => {
    test.setTimeout(120_000);
    await signInInChinese(page, "Paul Payments");
    await sweep(page, requesterPages(), visitInChinese);
  });

  test("a platform admin's pages in Chinese have no serious accessibility violations", async ({ page }) => {
    test.setTimeout(150_000);
    await signInInChinese(page, "Ada Admin");
    const shots: Record<string, { heading: string; file: string }> = {
      "/": { heading: "首页", file: "zh-home-admin.png" },
      "/audit": { heading: "审计日志", file: "zh-audit.png" },
    };
    await sweep(page, [{ path: "/", heading: /./ }, ...adminPages()], visitInChinese, async (path) => {
      const shot = shots[path];
      if (!shot) return;
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(shot.heading);
      await page.screenshot({ path: `artifacts/screenshots/${shot.file}`, fullPage: true });
    });
  });
});

test("the header's language menu switches the portal to Chinese, and the choice stays with the browser and the user", async ({
  page,
  browser,
}) => {
  const vic = "vic.viewer@gatehouse.demo";
  try {
    await signInAs(page, "Vic Viewer");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByLabel("Language").selectOption("zh-CN");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "首页" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("首页");

    // Signed out, the sign-in page follows this browser's cookie.
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("登录 Gatehouse");

    // Another browser, English by its Accept-Language and without the cookie: signed in, the user's saved choice wins.
    const elsewhere = await (await browser.newContext()).newPage();
    await elsewhere.goto("/signin");
    await expect(elsewhere.getByRole("heading", { level: 1 })).toHaveText("Sign in to Gatehouse");
    await elsewhere.getByRole("button", { name: "Sign in as Vic Viewer" }).click();
    await expect(elsewhere.getByRole("navigation", { name: "主导航" })).toBeVisible();
    await expect(elsewhere.locator("html")).toHaveAttribute("lang", "zh-CN");
    await elsewhere.context().close();

    // Back to English from the sign-in page's own menu.
    await page.getByLabel("语言").selectOption("en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Gatehouse");
  } finally {
    // The journeys after this one read Vic's pages in English.
    await withWorldDatabase((db) => db.user.update({ where: { email: vic }, data: { locale: null } }));
  }
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("every page fits the screen's width and the navigation stays reachable", async ({ page }) => {
    await signInAs(page, "Ada Admin");
    for (const visitTo of [
      ...requesterPages().filter((candidate) => candidate.path !== "/requests/new"),
      ...adminPages(),
    ]) {
      await visit(page, visitTo);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${visitTo.path} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(1);
      await expect(
        page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Approvals" }),
      ).toBeInViewport();
    }
    await page.goto(`/requests/${requestId}`);
    await page.screenshot({ path: "artifacts/screenshots/phone-request.png", fullPage: true });
  });
});
