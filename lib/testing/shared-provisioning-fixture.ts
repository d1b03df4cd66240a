import {
  startProvisioningFixture,
  type FixtureLandscape,
  type ProvisioningFixture,
} from "@/lib/testing/provisioning-fixture";
import { sharedForFile } from "@/lib/testing/shared-for-file";

/** One provisioning fixture shared by the test file's tests: started (and set up) before the first, closed after the last. */
export function sharedProvisioningFixture(
  setUp?: (fixture: ProvisioningFixture) => Promise<unknown>,
  landscape?: FixtureLandscape,
): ProvisioningFixture {
  const current = sharedForFile(
    "the provisioning fixture",
    () => startProvisioningFixture({}, landscape),
    (fixture) => fixture.close(),
    setUp,
  );
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
    addPlatformHub: (role, linkMode) => current().addPlatformHub(role, linkMode),
    approvedRequest: (input) => current().approvedRequest(input),
    processEnv: (extra) => current().processEnv(extra),
    close: () => current().close(),
  };
}
