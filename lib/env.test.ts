import { describe, expect, it } from "vitest";
import { assertRunnable, assertWebRunnable, isDemoOnExternalDatabase, isDemoSignInEnabled, parseEnv } from "./env";

const runnable = { DATABASE_URL: "postgresql://db.internal:5432/gatehouse", AUTH_SECRET: "x".repeat(32) };
// What `npm start` hands its web and worker processes for the embedded database on GATEHOUSE_DB_PORT.
const embedded = { ...runnable, DATABASE_URL: "postgresql://postgres@127.0.0.1:5433/postgres?sslmode=disable" };

describe("parseEnv", () => {
  it("applies the documented defaults", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      GATEHOUSE_DATA_DIR: ".data",
      GATEHOUSE_DB_PORT: 5433,
      GATEHOUSE_SIM_PORT: 4566,
      GATEHOUSE_DEMO: false,
    });
  });

  it("limits previews to 20 a minute per user unless configured, and refuses a limit that is not a whole number", () => {
    expect(parseEnv({}).GATEHOUSE_RATE_LIMIT_PREVIEWS_PER_MINUTE).toBe(20);
    expect(parseEnv({ GATEHOUSE_RATE_LIMIT_PREVIEWS_PER_MINUTE: "5" }).GATEHOUSE_RATE_LIMIT_PREVIEWS_PER_MINUTE).toBe(
      5,
    );
    expect(() => parseEnv({ GATEHOUSE_RATE_LIMIT_SIGN_INS_PER_MINUTE: "1.5" })).toThrow(
      /GATEHOUSE_RATE_LIMIT_SIGN_INS_PER_MINUTE: must be a whole number of requests a minute/,
    );
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
    expect(() => parseEnv({ GATEHOUSE_TOKEN_IDLE_DAYS: "1.5" })).toThrow(
      /GATEHOUSE_TOKEN_IDLE_DAYS: must be a whole number of days/,
    );
    expect(() => parseEnv({ GATEHOUSE_TOKEN_IDLE_DAYS: "0" })).toThrow(/GATEHOUSE_TOKEN_IDLE_DAYS/);
  });

  it("writes webhook texts in English unless GATEHOUSE_NOTIFICATION_LOCALE names another language of the portal", () => {
    expect(parseEnv({}).GATEHOUSE_NOTIFICATION_LOCALE).toBe("en");
    expect(parseEnv({ GATEHOUSE_NOTIFICATION_LOCALE: "" }).GATEHOUSE_NOTIFICATION_LOCALE).toBe("en");
    expect(parseEnv({ GATEHOUSE_NOTIFICATION_LOCALE: "zh-CN" }).GATEHOUSE_NOTIFICATION_LOCALE).toBe("zh-CN");
    expect(() => parseEnv({ GATEHOUSE_NOTIFICATION_LOCALE: "fr" })).toThrow(
      /GATEHOUSE_NOTIFICATION_LOCALE: must be one of en, zh-CN/,
    );
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
    const oidc = {
      AUTH_OIDC_ISSUER: "https://idp.example.com",
      AUTH_OIDC_CLIENT_ID: "gatehouse",
      AUTH_OIDC_CLIENT_SECRET: "s",
    };
    expect(() => assertRunnable(parseEnv({ ...runnable, ...oidc }))).not.toThrow();
    expect(() => assertRunnable(parseEnv({ ...embedded, GATEHOUSE_DEMO: "true" }))).not.toThrow();
    expect(() => assertRunnable(parseEnv({ DATABASE_URL: embedded.DATABASE_URL, GATEHOUSE_DEMO: "true" }))).toThrow(
      /AUTH_SECRET: required/,
    );
  });

  it("runs the engine's clock faster only against a simulator", () => {
    const demo = { ...embedded, GATEHOUSE_DEMO: "true", AUTH_SECRET: runnable.AUTH_SECRET };
    expect(parseEnv(demo).GATEHOUSE_ENGINE_TIME_SCALE).toBe(1);
    expect(() => assertRunnable(parseEnv({ ...demo, GATEHOUSE_ENGINE_TIME_SCALE: "10" }))).toThrow(
      /GATEHOUSE_ENGINE_TIME_SCALE: only for a simulator/,
    );
    const simulated = { ...demo, GATEHOUSE_ENGINE_TIME_SCALE: "10", AWS_ENDPOINT_URL: "http://127.0.0.1:4566" };
    expect(() => assertRunnable(parseEnv(simulated))).not.toThrow();
  });

  it("refuses demo sign-in on an external database unless explicitly allowed, which then shows the warning", () => {
    const demoOnExternal = parseEnv({ ...runnable, GATEHOUSE_DEMO: "true" });
    expect(() => assertRunnable(demoOnExternal)).toThrow(
      /GATEHOUSE_DEMO: demo sign-in .* is refused on an external DATABASE_URL/,
    );
    expect(() => assertRunnable(demoOnExternal)).toThrow(/GATEHOUSE_DEMO_ALLOW_EXTERNAL_DB=true/);
    expect(isDemoOnExternalDatabase(demoOnExternal)).toBe(true);

    const allowed = parseEnv({ ...runnable, GATEHOUSE_DEMO: "true", GATEHOUSE_DEMO_ALLOW_EXTERNAL_DB: "true" });
    expect(() => assertRunnable(allowed)).not.toThrow();
    expect(isDemoOnExternalDatabase(allowed)).toBe(true);

    // Only the embedded database on GATEHOUSE_DB_PORT is the launcher's own; the same URL on another port is not.
    expect(isDemoOnExternalDatabase(parseEnv({ ...embedded, GATEHOUSE_DEMO: "true" }))).toBe(false);
    expect(isDemoOnExternalDatabase(parseEnv({ ...embedded, GATEHOUSE_DEMO: "true", GATEHOUSE_DB_PORT: "6000" }))).toBe(
      true,
    );
    expect(isDemoOnExternalDatabase(parseEnv(runnable))).toBe(false);
  });

  it("never offers demo sign-in next to OIDC", () => {
    const env = parseEnv({
      GATEHOUSE_DEMO: "true",
      AUTH_OIDC_ISSUER: "https://idp.example.com",
      AUTH_OIDC_CLIENT_ID: "a",
      AUTH_OIDC_CLIENT_SECRET: "b",
    });
    expect(isDemoSignInEnabled(env)).toBe(false);
  });
});

describe("assertWebRunnable", () => {
  it("also requires the portal's public URL, whose origin browser mutations must have", () => {
    const oidc = {
      ...runnable,
      AUTH_OIDC_ISSUER: "https://idp.example.com",
      AUTH_OIDC_CLIENT_ID: "a",
      AUTH_OIDC_CLIENT_SECRET: "b",
    };
    expect(() => assertRunnable(parseEnv(oidc))).not.toThrow();
    expect(() => assertWebRunnable(parseEnv(oidc))).toThrow(/AUTH_URL: required for the web process/);
    expect(() => assertWebRunnable(parseEnv({ ...oidc, AUTH_URL: "https://gatehouse.example.com" }))).not.toThrow();
  });
});
