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
  it("stops before starting anything, naming the variable", async () => {
    const result = await startWith({ PORT: "not-a-port" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/PORT:/);
  });

  it("refuses an external database without a way to sign in", async () => {
    const result = await startWith({
      ...onExternalDatabase,
      GATEHOUSE_DEMO: "",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/AUTH_OIDC_ISSUER: no sign-in is configured/);
  });

  it("refuses demo sign-in on an external database unless explicitly allowed", async () => {
    const result = await startWith({
      ...onExternalDatabase,
      GATEHOUSE_DEMO: "true",
      GATEHOUSE_DEMO_ALLOW_EXTERNAL_DB: "",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/GATEHOUSE_DEMO: demo sign-in .* is refused on an external DATABASE_URL/);
    expect(result.stderr).toMatch(/GATEHOUSE_DEMO_ALLOW_EXTERNAL_DB=true/);
  });

  it("with the override, goes on to the database (and fails there, on a port nothing listens on)", async () => {
    const result = await startWith({
      ...onExternalDatabase,
      GATEHOUSE_DEMO: "true",
      GATEHOUSE_DEMO_ALLOW_EXTERNAL_DB: "true",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/GATEHOUSE_DEMO:/);
    expect(result.stderr).toMatch(/ECONNREFUSED|connect/i);
  });
});
