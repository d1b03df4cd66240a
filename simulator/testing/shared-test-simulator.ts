import { afterAll, beforeAll } from "vitest";
import type { RunningSimulator } from "../server";
import { startTestSimulator, type Clients } from "./sim-fixture";

/**
 * One simulator shared by the test file's tests: started before the first test, closed after the last. Read it inside
 * tests and hooks only; before the file's tests start there is none.
 */
export function sharedTestSimulator() {
  let started: Awaited<ReturnType<typeof startTestSimulator>> | undefined;
  const current = () => {
    if (!started) throw new Error("the test simulator exists only while the file's tests run");
    return started;
  };
  beforeAll(async () => {
    started = await startTestSimulator();
  });
  afterAll(async () => {
    await started?.sim.close();
  });
  return {
    get sim(): RunningSimulator {
      return current().sim;
    },
    clientsFor: (accountId: string, allowedActions?: string[]): Clients =>
      current().clientsFor(accountId, allowedActions),
  };
}
