import { ConfigError } from "@/lib/env";
import type { MembershipRole } from "@/lib/generated/prisma/client";

// AUTH_OIDC_GROUP_ROLES maps IdP groups to Gatehouse memberships: "group=role:team-slug,…", for example
// "platform-admins=admin:platform,payments-devs=requester:payments". Roles live in our database; at every OIDC sign-in
// the memberships the mapping gives are recomputed from the token's groups, added and removed
// (lib/users/sync-idp-memberships.ts). Roles an admin granted by hand are kept apart and never touched.

export type GroupRoleGrant = { group: string; role: MembershipRole; teamSlug: string };

const roles: readonly MembershipRole[] = ["requester", "admin", "viewer"];
const entryPattern = /^([^=,\s]+)=(requester|admin|viewer):([a-z0-9][a-z0-9-]*)$/;

export function parseGroupRoles(value: string | undefined): GroupRoleGrant[] {
  if (!value) return [];
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const match = entryPattern.exec(entry);
      if (!match?.[1] || !match[2] || !match[3]) {
        throw new ConfigError(
          `Invalid configuration:\n  AUTH_OIDC_GROUP_ROLES: "${entry}" must look like group=role:team-slug with role one of ${roles.join(", ")}`,
        );
      }
      return { group: match[1], role: match[2] as MembershipRole, teamSlug: match[3] };
    });
}

/** The grants that apply to a user whose token carries `groups`. */
export function grantsForGroups(grants: readonly GroupRoleGrant[], groups: readonly string[]): GroupRoleGrant[] {
  const held = new Set(groups);
  return grants.filter((grant) => held.has(grant.group));
}
