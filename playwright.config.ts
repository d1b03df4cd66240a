import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/fixtures/chromium-launch";
import { oidcWebPort, testGroupRoles, testIdpClient, testIdpIssuer } from "./e2e/fixtures/oidc-world";

// The e2e suite runs the real launcher (`npm start`) on a fresh data directory and non-default ports, so a
// developer's running portal never clashes with it, and drives Debian's Chromium.
const port = Number(process.env.E2E_PORT ?? 3210);
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), "gatehouse-e2e-"));
process.env.E2E_DATA_DIR = dataDir;
// The OIDC journeys (e2e/oidc-sign-in.spec.ts) run against a second Gatehouse on E2E_PORT + 10 (its database + 11,
// simulator + 12) signed in through a real OpenID Provider on + 13 (e2e/fixtures/test-idp.ts), both on loopback.
const oidcDataDir = process.env.E2E_OIDC_DATA_DIR ?? mkdtempSync(join(tmpdir(), "gatehouse-e2e-oidc-"));
process.env.E2E_OIDC_DATA_DIR = oidcDataDir;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  // The fresh-install journey sees the launcher's demo organisation as a new user would; every other journey changes
  // that state, so they wait for it.
  projects: [
    { name: "fresh-install", testMatch: "fresh-install.spec.ts" },
    { name: "journeys", testIgnore: "fresh-install.spec.ts", dependencies: ["fresh-install"] },
  ],
  use: {
    baseURL: `http://localhost:${port}`,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  webServer: [
    launcherServer(port, dataDir, { AUTH_OIDC_ISSUER: "" }),
    {
      command: "npx tsx e2e/fixtures/test-idp.ts",
      url: `${testIdpIssuer}/test/health`,
      timeout: 60_000,
      reuseExistingServer: false,
      env: { E2E_PORT: String(port) },
    },
    launcherServer(oidcWebPort, oidcDataDir, {
      AUTH_OIDC_ISSUER: testIdpIssuer,
      AUTH_OIDC_CLIENT_ID: testIdpClient.id,
      AUTH_OIDC_CLIENT_SECRET: testIdpClient.secret,
      AUTH_OIDC_GROUP_ROLES: testGroupRoles,
    }),
  ],
});

/** A Gatehouse launcher on `webPort` (its database and simulator on the next two ports), with its own data folder. */
function launcherServer(webPort: number, dataDirectory: string, signIn: Record<string, string>) {
  return {
    command: "npx tsx --conditions=react-server launcher/start.ts",
    url: `http://localhost:${webPort}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    env: {
      PORT: String(webPort),
      GATEHOUSE_DATA_DIR: dataDirectory,
      GATEHOUSE_DB_PORT: String(webPort + 1),
      GATEHOUSE_SIM_PORT: String(webPort + 2),
      GATEHOUSE_SIM_PROFILE: "instant",
      DATABASE_URL: "",
      ...signIn,
      NEXT_TELEMETRY_DISABLED: "1",
      // The suite signs the demo users in far more often than a person would; sign-in limits have their own test.
      GATEHOUSE_RATE_LIMIT_SIGN_INS_PER_MINUTE: "1000",
    },
  };
}
