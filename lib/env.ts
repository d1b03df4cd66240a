import "server-only";
import { z } from "zod";
import { embeddedDatabaseUrl } from "@/lib/embedded/embedded-database-url";
import { defaultLocale, locales } from "@/lib/i18n/locales";

// Every environment variable Gatehouse reads is declared here, once. The README's configuration reference mirrors
// this file; keep them in step.

const booleanFlag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => value === "true" || value === "1");

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim()));

const perMinute = (fallback: number) =>
  z.coerce.number().int("must be a whole number of requests a minute").min(1).max(100_000).default(fallback);

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: port(3000),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection string")
      .optional(),
  ),
  GATEHOUSE_DATA_DIR: z.string().default(".data"),
  GATEHOUSE_DB_PORT: port(5433),
  GATEHOUSE_DEMO: booleanFlag,
  // Demo sign-in on a database other than the embedded one: a throwaway PostgreSQL only, never real data.
  GATEHOUSE_DEMO_ALLOW_EXTERNAL_DB: booleanFlag,
  GATEHOUSE_SIM_PORT: port(4566),
  GATEHOUSE_SIM_PROFILE: z.enum(["instant", "demo", "realistic"]).default("demo"),
  // A provisioning step held longer than this by a worker that stopped answering is taken over by another worker.
  GATEHOUSE_STEP_LEASE_SECONDS: z.coerce.number().int("must be a whole number of seconds").min(1).max(3600).default(60),
  // A step still waiting on AWS after this long stops the run (a NLB held by something outside Gatehouse, a link stuck
  // pending): AWS documents minutes for every transition, and a run must not wait forever.
  GATEHOUSE_STEP_MAX_WAIT_MINUTES: z.coerce
    .number()
    .int("must be a whole number of minutes")
    .min(1)
    .max(1440)
    .default(30),
  // Runs the engine's clock this many times faster (its backoff, pacing and settle waits): for benchmarks against a
  // simulator started with the same time scale only; refused without AWS_ENDPOINT_URL, so real AWS is never paced
  // faster than its throttles.
  GATEHOUSE_ENGINE_TIME_SCALE: z.coerce.number().min(1).max(1000).default(1),
  // Rate limits, per user and minute, on what calls AWS (shared by every web process through the database); sign-in
  // attempts are counted per client address and per email.
  GATEHOUSE_RATE_LIMIT_PREVIEWS_PER_MINUTE: perMinute(20),
  GATEHOUSE_RATE_LIMIT_DISCOVERY_PER_MINUTE: perMinute(60),
  GATEHOUSE_RATE_LIMIT_TEST_INVOKES_PER_MINUTE: perMinute(10),
  GATEHOUSE_RATE_LIMIT_VERIFICATIONS_PER_MINUTE: perMinute(10),
  GATEHOUSE_RATE_LIMIT_SIGN_INS_PER_MINUTE: perMinute(20),
  // An API token stops working when its owner has not signed in through the IdP (or the demo sign-in) for this long.
  GATEHOUSE_TOKEN_IDLE_DAYS: z.coerce.number().int("must be a whole number of days").min(1).max(366).default(30),
  AUTH_SECRET: optionalText.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  AUTH_URL: optionalText.pipe(z.url("must be an absolute URL").optional()),
  AUTH_OIDC_ISSUER: optionalText.pipe(z.url("must be the issuer URL").optional()),
  AUTH_OIDC_CLIENT_ID: optionalText,
  AUTH_OIDC_CLIENT_SECRET: optionalText,
  AUTH_OIDC_GROUPS_CLAIM: z.string().default("groups"),
  // "group=role:team-slug,…", e.g. "platform-admins=admin:platform,payments-devs=requester:payments".
  AUTH_OIDC_GROUP_ROLES: optionalText,
  AWS_REGION: z.string().default("eu-west-1"),
  AWS_ENDPOINT_URL: optionalText.pipe(z.url("must be an absolute URL").optional()),
  // Outgoing webhook for request events (Slack-compatible JSON), signed with the secret; both or neither.
  GATEHOUSE_WEBHOOK_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional()),
  GATEHOUSE_WEBHOOK_SECRET: optionalText.pipe(z.string().min(16, "must be at least 16 characters").optional()),
  // The language of the webhook's human `text` (one channel, one language); field names and events never change.
  GATEHOUSE_NOTIFICATION_LOCALE: optionalText.pipe(
    z.enum(locales, { error: `must be one of ${locales.join(", ")}` }).default(defaultLocale),
  ),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Parses and cross-checks the environment; throws a ConfigError whose message names each bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  const env = parsed.data;
  const oidcParts = [env.AUTH_OIDC_ISSUER, env.AUTH_OIDC_CLIENT_ID, env.AUTH_OIDC_CLIENT_SECRET];
  if (oidcParts.some(Boolean) && !oidcParts.every(Boolean)) {
    throw new ConfigError(
      "Invalid configuration:\n  AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET must be set together",
    );
  }
  if (Boolean(env.GATEHOUSE_WEBHOOK_URL) !== Boolean(env.GATEHOUSE_WEBHOOK_SECRET)) {
    throw new ConfigError(
      "Invalid configuration:\n  GATEHOUSE_WEBHOOK_URL and GATEHOUSE_WEBHOOK_SECRET must be set together (the secret signs every delivery)",
    );
  }
  return env;
}

export function isOidcConfigured(env: Env): boolean {
  return Boolean(env.AUTH_OIDC_ISSUER);
}

/** Demo sign-in exists only when explicitly enabled (the launcher enables it for the embedded database) and no IdP is set. */
export function isDemoSignInEnabled(env: Env): boolean {
  return env.GATEHOUSE_DEMO && !isOidcConfigured(env);
}

/** Demo sign-in on a database that is not the embedded one `npm start` runs (whose URL it hands its children). */
export function isDemoOnExternalDatabase(env: Env): boolean {
  return (
    isDemoSignInEnabled(env) &&
    env.DATABASE_URL !== undefined &&
    env.DATABASE_URL !== embeddedDatabaseUrl(env.GATEHOUSE_DB_PORT)
  );
}

/**
 * The checks a web or worker process makes before it serves anything: a database, a way to sign in, a session secret.
 * A production deployment can never fall back to demo sign-in by omission.
 */
export function assertRunnable(env: Env): void {
  if (!env.DATABASE_URL) {
    throw new ConfigError(
      "Invalid configuration:\n  DATABASE_URL: required (npm start sets it for the embedded database)",
    );
  }
  if (!isOidcConfigured(env) && !env.GATEHOUSE_DEMO) {
    throw new ConfigError(
      "Invalid configuration:\n  AUTH_OIDC_ISSUER: no sign-in is configured for this database. Set AUTH_OIDC_ISSUER, " +
        "AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET for production, or GATEHOUSE_DEMO=true for a demo with seeded users.",
    );
  }
  if (isDemoOnExternalDatabase(env) && !env.GATEHOUSE_DEMO_ALLOW_EXTERNAL_DB) {
    throw new ConfigError(
      "Invalid configuration:\n  GATEHOUSE_DEMO: demo sign-in (any seeded user, platform admins included, without a password) " +
        "is refused on an external DATABASE_URL. Configure OIDC for a real database, or set " +
        "GATEHOUSE_DEMO_ALLOW_EXTERNAL_DB=true if this database is a throwaway one.",
    );
  }
  if (env.GATEHOUSE_ENGINE_TIME_SCALE !== 1 && !env.AWS_ENDPOINT_URL) {
    throw new ConfigError(
      "Invalid configuration:\n  GATEHOUSE_ENGINE_TIME_SCALE: only for a simulator (AWS_ENDPOINT_URL); against AWS the " +
        "engine must keep AWS's own clock and throttles",
    );
  }
  if (!env.AUTH_SECRET) {
    throw new ConfigError(
      "Invalid configuration:\n  AUTH_SECRET: required, at least 32 random characters (openssl rand -base64 48)",
    );
  }
}

/** assertRunnable, plus what only the web process needs: its public URL, whose origin every browser mutation must have. */
export function assertWebRunnable(env: Env): void {
  assertRunnable(env);
  if (!env.AUTH_URL) {
    throw new ConfigError(
      "Invalid configuration:\n  AUTH_URL: required for the web process: the portal's public URL, e.g. " +
        "https://gatehouse.example.com (browser mutations are accepted only from its origin)",
    );
  }
}

let cached: Env | undefined;

/** The process environment, parsed once. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
