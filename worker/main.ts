import { jobDefinitions } from "@/lib/jobs/registry";
import { startWorker } from "@/lib/jobs/worker";
import { assertRunnable, ConfigError, env } from "@/lib/env";

// `npm run worker`: the durable job runner. Any number can run beside any number of web servers.
try {
  assertRunnable(env());
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const databaseUrl = env().DATABASE_URL ?? "";
const worker = await startWorker({
  databaseUrl,
  jobs: jobDefinitions,
  log: (line) => console.log(line),
  // A run's next look at AWS is a job due at a time; against a time-scaled simulator it is due sooner.
  pollingIntervalSeconds: Math.max(0.5, 2 / env().GATEHOUSE_ENGINE_TIME_SCALE),
});
console.log(`started with ${jobDefinitions.length} job type(s)`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing jobs in flight`);
  await worker.stop();
  console.log("stopped");
  process.exit(0);
};
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
