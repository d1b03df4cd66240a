import type { RunningSimulator } from "@/simulator/server";
import { demoRoles } from "@/simulator/testing/demo-roles";

/** Takes `action` away from the demo platform role (and every session already assumed from it) until the returned undo. */
export function revokeFromPlatformRole(sim: RunningSimulator, action: string): () => void {
  const role = sim.runtime.world.data.roles[`arn:aws:iam::${demoRoles.platform.accountId}:role/GatehouseProvisioner`];
  if (!role) throw new Error("the demo platform role is missing");
  const before = [...role.allowedActions];
  role.allowedActions.splice(0, role.allowedActions.length, ...before.filter((candidate) => candidate !== action));
  return () => role.allowedActions.splice(0, role.allowedActions.length, ...before);
}
