import type { RunningSimulator } from "../server";
import { startTestSimulator, type Clients } from "./sim-fixture";
import { sharedForFile } from "../../lib/testing/shared-for-file";

/** One simulator shared by the test file's tests: started before the first, closed after the last. */
export function sharedTestSimulator() {
  const current = sharedForFile(
    "the test simulator",
    () => startTestSimulator(),
    (fixture) => fixture.sim.close(),
  );
  return {
    get sim(): RunningSimulator {
      return current().sim;
    },
    clientsFor: (accountId: string, allowedActions?: string[]): Clients =>
      current().clientsFor(accountId, allowedActions),
  };
}
