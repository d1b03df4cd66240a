import { describe, expect, it } from "vitest";
import { assertRunnable, isDemoSignInEnabled, parseEnv } from "./env";

const runnable = { DATABASE_URL: "postgresql://db.internal:5432/gatehouse", AUTH_SECRET: "x".repeat(32) };

describe("parseEnv", () => {
  it("applies the documented defaults", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, GATEHOUSE_DATA_DIR: ".data", GATEHOUSE_DB_PORT: 5433, GATEHOUSE_SIM_PORT: 4566, GATEHOUSE_DEMO: false });
  });

  it("names each bad variable", () => {
    expect(() => parseEnv({ PORT: "abc" })).toThrow(/PORT:/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must be a postgres/);
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET: must be at least 32/);
    expect(() => parseEnv({ GATEHOUSE_SIM_PROFILE: "fast" })).toThrow(/GATEHOUSE_SIM_PROFILE/);
  });

  it("stops idle tokens after 30 days unless GATEHOUSE_TOKEN_IDLE_DAYS says otherwise, in whole days", () => {
    expect(parseEnv({}).GATEHOUSE_TOKEN_IDLE_DAYS).toBe(30);
    expect(parseEnv({ GATEHOUSE_TOKEN_IDLE_DAYS: "7" }).GATEHOUSE_TOKEN_IDLE_DAYS).toBe(7);
    expect(() => parseEnv({ GATEHOUSE_TOKEN_IDLE_DAYS: "1.5" })).toThrow(/GATEHOUSE_TOKEN_IDLE_DAYS: must be a whole number of days/);
    expect(() => parseEnv({ GATEHOUSE_TOKEN_IDLE_DAYS: "0" })).toThrow(/GATEHOUSE_TOKEN_IDLE_DAYS/);
  });

  it("requires the three OIDC settings together", () => {
    expect(() => parseEnv({ AUTH_OIDC_ISSUER: "https://idp.example.com" })).toThrow(/must be set together/);
  });
});

describe("assertRunnable", () => {
  it("refuses an external database with neither OIDC nor an explicit demo flag, saying what to configure", () => {
    expect(() => assertRunnable(parseEnv(runnable))).toThrow(/AUTH_OIDC_ISSUER: no sign-in is configured/);
  });

  it("accepts OIDC or an explicit demo flag, and requires a session secret", () => {
    const oidc = { AUTH_OIDC_ISSUER: "https://idp.example.com", AUTH_OIDC_CLIENT_ID: "gatehouse", AUTH_OIDC_CLIENT_SECRET: "s" };
    expect(() => assertRunnable(parseEnv({ ...runnable, ...oidc }))).not.toThrow();
    expect(() => assertRunnable(parseEnv({ ...runnable, GATEHOUSE_DEMO: "true" }))).not.toThrow();
    expect(() => assertRunnable(parseEnv({ DATABASE_URL: runnable.DATABASE_URL, GATEHOUSE_DEMO: "true" }))).toThrow(/AUTH_SECRET: required/);
  });

  it("never offers demo sign-in next to OIDC", () => {
    const env = parseEnv({ GATEHOUSE_DEMO: "true", AUTH_OIDC_ISSUER: "https://idp.example.com", AUTH_OIDC_CLIENT_ID: "a", AUTH_OIDC_CLIENT_SECRET: "b" });
    expect(isDemoSignInEnabled(env)).toBe(false);
  });
});
