import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { loadOrCreateAuthSecret } from "./auth-secret";
import { runToCompletion, startChild, stopChildren, type Child } from "./child-processes";
import { waitForHealth } from "./wait-for-health";
import { createPrismaClient } from "@/lib/db/prisma-client";
import { applyMigrations } from "@/lib/db/migrations";
import { demoUsers, seedDemoAccounts, seedDemoOrganisation } from "@/lib/demo/demo-organisation";
import { PortInUseError, startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/embedded/embedded-postgres";
import { isPortInUse } from "@/lib/embedded/free-port";
import { DataDirectoryInUseError } from "@/lib/embedded/process-lock";
import { assertRunnable, ConfigError, isDemoSignInEnabled, parseEnv, type Env } from "@/lib/env";
import { startSimulator, type RunningSimulator } from "@/simulator/server";

// `npm start`: everything a newcomer needs on one machine. Without DATABASE_URL it runs the embedded defaults:
// PGlite under the data directory, the AWS simulator with the demo landscape, demo sign-in. The web and worker
// processes get DATABASE_URL and AWS_ENDPOINT_URL exactly as in production, so no code path knows it is embedded.
// Demo sign-in needs no password, so in demo mode every server listens on loopback only: this machine, nobody else.

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");
const tsxCli = require.resolve("tsx/cli");

const loopback = "127.0.0.1";

type Services = { database?: EmbeddedPostgres; simulator?: RunningSimulator; children: Child[] };

async function assertPortsFree(config: Env, embedded: boolean): Promise<void> {
  const ports: [number, string][] = [[config.PORT, "web, PORT"]];
  if (embedded) ports.push([config.GATEHOUSE_DB_PORT, "embedded database, GATEHOUSE_DB_PORT"]);
  if (embedded && !config.AWS_ENDPOINT_URL)
    ports.push([config.GATEHOUSE_SIM_PORT, "AWS simulator, GATEHOUSE_SIM_PORT"]);
  for (const [port, purpose] of ports) if (await isPortInUse(port)) throw new PortInUseError(port, purpose);
}

async function start(config: Env, services: Services, startedAt: number): Promise<void> {
  const embedded = !config.DATABASE_URL;
  const dataDir = resolve(config.GATEHOUSE_DATA_DIR);
  await assertPortsFree(config, embedded);

  if (embedded) {
    services.database = await startEmbeddedPostgres({
      dataDir: join(dataDir, "pglite"),
      port: config.GATEHOUSE_DB_PORT,
      host: loopback,
    });
    console.log(`embedded database (PGlite) in ${join(dataDir, "pglite")}`);
  }
  if (embedded && !config.AWS_ENDPOINT_URL) {
    services.simulator = await startSimulator({
      port: config.GATEHOUSE_SIM_PORT,
      host: loopback,
      profile: config.GATEHOUSE_SIM_PROFILE,
      stateFile: join(dataDir, "simulator-state.json"),
    });
    console.log(`AWS simulator (${config.GATEHOUSE_SIM_PROFILE} profile) at ${services.simulator.url}`);
  }

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: services.database?.url ?? config.DATABASE_URL,
    AUTH_SECRET: config.AUTH_SECRET ?? (embedded ? loadOrCreateAuthSecret(join(dataDir, "auth-secret")) : undefined),
    AUTH_URL: config.AUTH_URL ?? `http://localhost:${config.PORT}`,
    GATEHOUSE_DEMO: embedded || config.GATEHOUSE_DEMO ? "true" : "false",
    AWS_REGION: config.AWS_REGION,
    ...(services.simulator
      ? {
          AWS_ENDPOINT_URL: services.simulator.url,
          AWS_ACCESS_KEY_ID: services.simulator.portalCredentials.accessKeyId,
          AWS_SECRET_ACCESS_KEY: services.simulator.portalCredentials.secretAccessKey,
        }
      : {}),
  };
  const childConfig = parseEnv(childEnv);
  assertRunnable(childConfig);
  const databaseUrl = childConfig.DATABASE_URL ?? "";

  const { applied } = await applyMigrations(databaseUrl);
  console.log(applied.length > 0 ? `applied ${applied.length} migration(s)` : "database schema is up to date");
  if (isDemoSignInEnabled(childConfig)) {
    const db = createPrismaClient(databaseUrl);
    const { created } = await seedDemoOrganisation(db);
    const { created: accountsCreated } = await seedDemoAccounts(db);
    await db.$disconnect();
    if (created) console.log("seeded the demo organisation");
    if (accountsCreated) console.log("registered the demo AWS accounts (verify them on /accounts)");
  }

  if (!existsSync(join(".next", "BUILD_ID"))) {
    console.log("no build found: building the web app once (next build)…");
    await runToCompletion("build", process.execPath, [nextBin, "build"], childEnv);
  }
  const webHost = isDemoSignInEnabled(childConfig) ? ["-H", loopback] : [];
  services.children.push(
    startChild("web", process.execPath, [nextBin, "start", "-p", String(config.PORT), ...webHost], childEnv),
    startChild("worker", process.execPath, [tsxCli, "--conditions=react-server", "worker/main.ts"], childEnv),
  );

  const baseUrl = `http://localhost:${config.PORT}`;
  const readyMs = await Promise.race([
    waitForHealth(baseUrl, 120_000, startedAt),
    ...services.children.map((child) =>
      child.exited.then((code) =>
        Promise.reject(new Error(`${child.name} exited (code ${String(code)}) during startup`)),
      ),
    ),
  ]);
  console.log(`\nGatehouse is ready at ${baseUrl} (first 200 after ${(readyMs / 1000).toFixed(1)} s)`);
  if (isDemoSignInEnabled(childConfig)) {
    console.log("Sign in as one of the demo users:");
    for (const user of demoUsers) console.log(`  ${user.name.padEnd(16)} ${user.role.padEnd(10)} ${user.email}`);
  }
  console.log("Press Ctrl-C to stop.\n");
}

async function stop(services: Services): Promise<void> {
  await stopChildren(services.children);
  await services.simulator?.close();
  await services.database?.stop();
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  let config: Env;
  try {
    config = parseEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const services: Services = { children: [] };
  let stopping = false;
  const shutdown = async (reason: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${reason}: stopping Gatehouse…`);
    await stop(services);
    process.exit(exitCode);
  };
  process.on("SIGINT", () => void shutdown("SIGINT", 0));
  process.on("SIGTERM", () => void shutdown("SIGTERM", 0));

  try {
    await start(config, services, startedAt);
  } catch (error) {
    const known =
      error instanceof ConfigError || error instanceof PortInUseError || error instanceof DataDirectoryInUseError;
    console.error(known ? (error as Error).message : error);
    await stop(services);
    process.exit(1);
  }
  for (const child of services.children) {
    void child.exited.then((code) => shutdown(`${child.name} exited unexpectedly (code ${String(code)})`, 1));
  }
}

await main();
