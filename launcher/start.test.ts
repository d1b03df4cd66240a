import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");

async function startWith(env: Record<string, string>) {
  try {
    await run(process.execPath, [tsxCli, "--conditions=react-server", "launcher/start.ts"], {
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
    return { code: 0, stderr: "" };
  } catch (error) {
    const failure = error as { code: number; stderr: string };
    return { code: failure.code, stderr: failure.stderr };
  }
}

/** A launch against an external database nothing listens on, with a valid secret and port, and no OIDC sign-in. */
const onExternalDatabase = {
  DATABASE_URL: "postgresql://127.0.0.1:1/none",
  AUTH_SECRET: "y".repeat(40),
  PORT: "3999",
  AUTH_OIDC_ISSUER: "",
};

describe("npm start with bad configuration", () => {
  it.each<{ name: string; env: Record<string, string>; says: RegExp[]; doesNotSay?: RegExp }>([
    {
      name: "stops before starting anything, naming the variable",
      env: { PORT: "not-a-port" },
      says: [/PORT:/],
    },
    {
      name: "refuses an external database without a way to sign in",
      env: { ...onExternalDatabase, GATEHOUSE_DEMO: "" },
      says: [/AUTH_OIDC_ISSUER: no sign-in is configured/],
    },
    {
      name: "refuses demo sign-in on an external database unless explicitly allowed",
      env: { ...onExternalDatabase, GATEHOUSE_DEMO: "true", GATEHOUSE_DEMO_ALLOW_EXTERNAL_DB: "" },
      says: [
        /GATEHOUSE_DEMO: demo sign-in .* is refused on an external DATABASE_URL/,
        /GATEHOUSE_DEMO_ALLOW_EXTERNAL_DB=true/,
      ],
    },
    {
      name: "with the override, goes on to the database (and fails there, on a port nothing listens on)",
      env: { ...onExternalDatabase, GATEHOUSE_DEMO: "true", GATEHOUSE_DEMO_ALLOW_EXTERNAL_DB: "true" },
      says: [/ECONNREFUSED|connect/i],
      doesNotSay: /GATEHOUSE_DEMO:/,
    },
  ])("$name", async ({ env, says, doesNotSay }) => {
    const result = await startWith(env);
    expect(result.code).toBe(1);
    for (const message of says) expect(result.stderr).toMatch(message);
    if (doesNotSay) expect(result.stderr).not.toMatch(doesNotSay);
  });
});
