import type { RunningSimulator } from "@/simulator/server";
import { demoRoles } from "@/simulator/testing/demo-roles";

/**
 * Takes `action` away from the demo platform role (or its copy in another account of a hub pool) (and every session already assumed from it) until the returned
 * undo, as an admin would with an explicit Deny: the role's generated policy document stays as it is.
 */
export function revokeFromPlatformRole(
  sim: RunningSimulator,
  action: string,
  accountId: string = demoRoles.platform.accountId,
): () => void {
  const role = sim.runtime.world.data.roles[`arn:aws:iam::${accountId}:role/GatehouseProvisioner`];
  if (!role) throw new Error("the demo platform role is missing");
  const revocation = {
    Version: "2012-10-17" as const,
    Statement: [{ Effect: "Deny" as const, Action: action, Resource: "*" }],
  };
  role.policies.push(revocation);
  return () => {
    role.policies.splice(role.policies.indexOf(revocation), 1);
  };
}
