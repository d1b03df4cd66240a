import type { RunningSimulator } from "../server";
import { demoRoles } from "./demo-roles";

/**
 * Gives another (empty) account the demo platform role, with its own ExternalId, as deploying Gatehouse's role stack
 * there would: a second platform account whose hub has all its quotas free.
 */
export function addPlatformRole(sim: RunningSimulator, accountId: string, externalId: string): void {
  const { roles } = sim.runtime.world.data;
  const demo = roles[`arn:aws:iam::${demoRoles.platform.accountId}:role/GatehouseProvisioner`];
  if (!demo) throw new Error("the demo platform role is missing");
  const arn = `arn:aws:iam::${accountId}:role/GatehouseProvisioner`;
  const policies = JSON.parse(JSON.stringify(demo.policies).replaceAll(demoRoles.platform.accountId, accountId));
  roles[arn] = { ...demo, arn, accountId, externalId, policies };
}
