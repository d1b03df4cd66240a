import { afterAll, beforeAll } from "vitest";
import { startProvisioningFixture, type ProvisioningFixture } from "@/lib/testing/provisioning-fixture";

/**
 * One provisioning fixture shared by the test file's tests: started (and set up) before the first test, closed after
 * the last. Read it inside tests and hooks only; before the file's tests start there is none.
 */
export function sharedProvisioningFixture(
  setUp?: (fixture: ProvisioningFixture) => Promise<unknown>,
): ProvisioningFixture {
  let started: ProvisioningFixture | undefined;
  const current = () => {
    if (!started) throw new Error("the provisioning fixture exists only while the file's tests run");
    return started;
  };
  beforeAll(async () => {
    started = await startProvisioningFixture();
    await setUp?.(started);
  });
  afterAll(async () => {
    await started?.close();
  });
  return {
    get sim() {
      return current().sim;
    },
    get database() {
      return current().database;
    },
    get dependencies() {
      return current().dependencies;
    },
    hubId: (linkMode) => current().hubId(linkMode),
    approvedRequest: (input) => current().approvedRequest(input),
    processEnv: (extra) => current().processEnv(extra),
    close: () => current().close(),
  };
}
