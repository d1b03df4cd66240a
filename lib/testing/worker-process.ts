import { spawn, type ChildProcess } from "node:child_process";
import type { ProvisioningFixture } from "./provisioning-fixture";
import { createBoss } from "@/lib/jobs/boss";
import { senderOf } from "@/lib/jobs/worker";

// The real worker process (`npm run worker`) on a provisioning fixture's database and simulator, for the tests that
// must go through pg-boss and a separate process: crashes, durable jobs.

export function startWorkerProcess(fixture: ProvisioningFixture, extraEnv: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "worker/main.ts"], {
    env: fixture.processEnv({
      GATEHOUSE_DEMO: "true",
      GATEHOUSE_DEMO_ALLOW_EXTERNAL_DB: "true",
      AUTH_SECRET: "worker-test-secret-worker-test-secret-0123",
      ...extraEnv,
    }),
    stdio: "ignore",
  });
}

export const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve()),
  );

/** Lets the worker finish the jobs in flight, as a deploy does. */
export async function stopWorkerProcess(child: ChildProcess): Promise<void> {
  child.kill("SIGTERM");
  await exited(child);
}

/** The real worker process with a pg-boss client to queue its jobs from the test; `stop` ends both. */
export async function startWorkerWithQueue(fixture: ProvisioningFixture) {
  const boss = createBoss(fixture.database.url);
  await boss.start();
  const worker = startWorkerProcess(fixture);
  return {
    jobs: senderOf(boss),
    async stop() {
      await stopWorkerProcess(worker);
      await boss.stop({ graceful: false });
    },
  };
}
