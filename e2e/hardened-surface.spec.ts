import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";
import { signInAs } from "./fixtures/sign-in";
import { ensureRequestWorld } from "./fixtures/request-world";

// The web surface against the usual attacks, on the real server the launcher runs in demo mode: security headers and
// a working nonce-only CSP, redirects that stay on the site, capped bodies, and demo sign-in for this machine only.
// Cross-site and `Origin: null` mutations are in the authorization matrix, on every route.

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${port}`;

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("reportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(
        `${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  return violations;
}

const nonceOf = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

test("pages, API answers and static files all carry the security headers, with a fresh nonce per page", async ({
  request,
}) => {
  const page = await request.get("/signin");
  const html = await page.text();
  const script = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script, "the sign-in page loads Next.js bundles").toBeDefined();
  for (const response of [
    page,
    await request.get("/api/health"),
    await request.get(script!),
    await request.get("/api/me"),
  ]) {
    const headers = response.headers();
    expect(headers["content-security-policy"], response.url()).toMatch(
      /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/,
    );
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
    // AUTH_URL is http here: no HSTS, which browsers ignore over http anyway.
    expect(headers["strict-transport-security"]).toBeUndefined();
  }
  // Next.js put this response's nonce on every script of the page, its inline ones included.
  const nonce = nonceOf(page.headers()["content-security-policy"]);
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  expect(scripts.length).toBeGreaterThan(1);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  const again = await request.get("/signin");
  expect(nonceOf(again.headers()["content-security-policy"])).not.toBe(nonce);
});

test("the portal runs under the policy without a single violation, the React Flow topology included", async ({
  page,
}) => {
  await ensureRequestWorld();
  const violations = await watchViolations(page);
  await signInAs(page, "Paul Payments");
  await page.goto("/requests/new");
  // The wizard validates with zod in the browser as the requester types.
  await page.getByLabel("API name", { exact: true }).fill("<script>x</script>");
  await expect(
    page.getByText("Use letters, digits, hyphens, underscores and dots, starting with a letter."),
  ).toBeVisible();
  await page.goto("/topology");
  await expect(page.locator(".topology-canvas")).toHaveAttribute("data-laid-out", "true");
  await expect(page.locator(".react-flow__node").first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("callbackUrl cannot send the browser to another site after sign-in", async ({ page }) => {
  for (const hostile of ["/\\evil.example", "//evil.example", "/.//evil.example", "https://evil.example/"]) {
    await page.context().clearCookies();
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(hostile)}`);
    await page.getByRole("button", { name: "Sign in as Paul Payments" }).click();
    await expect(page).toHaveURL(`${baseURL}/`);
  }
  // A same-site path is still followed.
  await page.context().clearCookies();
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("/topology")}`);
  await page.getByRole("button", { name: "Sign in as Paul Payments" }).click();
  await expect(page).toHaveURL(`${baseURL}/topology`);
});

test("a body over 64 KiB is refused with 413 before it is read", async ({ page }) => {
  await signInAs(page, "Paul Payments");
  const response = await page.request.post("/api/requests", {
    headers: { origin: baseURL },
    data: { justification: "x".repeat(100 * 1024) },
  });
  expect(response.status()).toBe(413);
  expect((await response.json()).message).toBe("The request body is too large: at most 64 KiB.");
});

/** Demo sign-in through next-auth's own endpoint, as the sign-in button does; whether a session came of it. */
async function demoSignIn(extraHeaders: Record<string, string>): Promise<number> {
  const client = await playwrightRequest.newContext({ baseURL });
  try {
    const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await client.post("/api/auth/callback/demo", {
      headers: { origin: baseURL, ...extraHeaders },
      form: { email: "ada.admin@gatehouse.demo", csrfToken, callbackUrl: "/requests", json: "true" },
      maxRedirects: 0,
    });
    return (await client.get("/api/me")).status();
  } finally {
    await client.dispose();
  }
}

test("demo sign-in answers only a client on this machine", async () => {
  expect(await demoSignIn({})).toBe(200);
  // A remote browser relayed by a proxy on this machine: the proxy names it in X-Forwarded-For.
  expect(await demoSignIn({ "x-forwarded-for": "203.0.113.7" })).toBe(401);
  expect(await demoSignIn({ "x-forwarded-for": "203.0.113.7, 127.0.0.1" })).toBe(401);
});

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, target: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port: target, timeout: 2000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

test("in demo mode the web app, the embedded database and the simulator listen on loopback only", async () => {
  const external = Object.values(networkInterfaces())
    .flat()
    .find((address) => address && address.family === "IPv4" && !address.internal);
  test.skip(!external, "this machine has no non-loopback IPv4 address to try");
  for (const target of [port, port + 1, port + 2]) {
    expect(await accepts("127.0.0.1", target), `127.0.0.1:${target}`).toBe(true);
    expect(await accepts(external!.address, target), `${external!.address}:${target}`).toBe(false);
  }
});
