import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");

async function startWith(env: Record<string, string>) {
  try {
    await run(process.execPath, [tsxCli, "--conditions=react-server", "launcher/start.ts"], { env: { ...process.env, ...env }, timeout: 60_000 });
    return { code: 0, stderr: "" };
  } catch (error) {
    const failure = error as { code: number; stderr: string };
    return { code: failure.code, stderr: failure.stderr };
  }
}

describe("npm start with bad configuration", () => {
  it("stops before starting anything, naming the variable", async () => {
    const result = await startWith({ PORT: "not-a-port" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/PORT:/);
  });

  it("refuses an external database without a way to sign in", async () => {
    const result = await startWith({ DATABASE_URL: "postgresql://127.0.0.1:1/none", AUTH_SECRET: "y".repeat(40), PORT: "3999", GATEHOUSE_DEMO: "", AUTH_OIDC_ISSUER: "" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/AUTH_OIDC_ISSUER: no sign-in is configured/);
  });
});
