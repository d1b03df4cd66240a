import { describe, expect, it } from "vitest";
import { desiredIdpMemberships, idpMembershipChanges } from "./sync-idp-memberships";
import { parseGroupRoles } from "@/lib/auth/oidc-group-roles";

describe("IdP membership recompute", () => {
  it("keeps the strongest role when several groups map to one team", () => {
    const grants = parseGroupRoles("viewers=viewer:payments,devs=requester:payments,leads=admin:payments");
    expect(desiredIdpMemberships(grants)).toEqual([{ teamSlug: "payments", role: "admin", group: "leads" }]);
  });

  it("removes what the groups no longer give and adds what they newly give; a changed role is both", () => {
    const current = [
      { teamSlug: "payments", role: "requester" as const, group: "devs" },
      { teamSlug: "platform", role: "admin" as const, group: "platform-admins" },
    ];
    const desired = [{ teamSlug: "payments", role: "viewer" as const, group: "viewers" }];
    expect(idpMembershipChanges(current, desired)).toEqual({ remove: current, add: desired });
    expect(idpMembershipChanges(desired, desired)).toEqual({ remove: [], add: [] });
  });
});
