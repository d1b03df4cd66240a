import { describe, expect, it } from "vitest";
import { grantsForGroups, parseGroupRoles } from "./oidc-group-roles";

describe("parseGroupRoles", () => {
  it("reads group=role:team entries", () => {
    expect(parseGroupRoles("platform-admins=admin:platform, payments-devs=requester:payments")).toEqual([
      { group: "platform-admins", role: "admin", teamSlug: "platform" },
      { group: "payments-devs", role: "requester", teamSlug: "payments" },
    ]);
  });

  it("treats an unset value as no mapping", () => {
    expect(parseGroupRoles(undefined)).toEqual([]);
  });

  it("names the variable and the bad entry", () => {
    expect(() => parseGroupRoles("platform-admins=owner:platform")).toThrow(
      /AUTH_OIDC_GROUP_ROLES: "platform-admins=owner:platform"/,
    );
    expect(() => parseGroupRoles("justagroup")).toThrow(/AUTH_OIDC_GROUP_ROLES/);
  });
});

describe("grantsForGroups", () => {
  it("grants only what the user's groups map to", () => {
    const grants = parseGroupRoles("a=admin:platform,b=viewer:platform");
    expect(grantsForGroups(grants, ["b", "unrelated"])).toEqual([{ group: "b", role: "viewer", teamSlug: "platform" }]);
  });
});
