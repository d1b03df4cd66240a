import { describe, expect, it } from "vitest";
import { isPlatformAdmin, requestableTeams, roleLabel, type CurrentUser, type UserMembership } from "./permissions";

const membership = (overrides: Partial<UserMembership>): UserMembership => ({
  teamId: "t1",
  teamSlug: "payments",
  teamName: "Payments",
  teamKind: "application",
  role: "requester",
  ...overrides,
});
const user = (memberships: UserMembership[]): CurrentUser => ({
  id: "u1",
  email: "u@example.com",
  name: "U",
  memberships,
});

describe("permissions", () => {
  it("makes only admins of a platform team platform admins", () => {
    expect(isPlatformAdmin(user([membership({ role: "admin", teamKind: "platform", teamSlug: "platform" })]))).toBe(
      true,
    );
    expect(isPlatformAdmin(user([membership({ role: "admin", teamKind: "application" })]))).toBe(false);
    expect(isPlatformAdmin(user([membership({ role: "viewer", teamKind: "platform" })]))).toBe(false);
  });

  it("lets requesters request for their own teams only", () => {
    const someone = user([membership({ teamSlug: "payments" }), membership({ teamSlug: "logistics", role: "viewer" })]);
    expect(requestableTeams(someone).map((team) => team.teamSlug)).toEqual(["payments"]);
  });

  it("labels users by their strongest role, and a user without memberships as having none", () => {
    expect(roleLabel(user([membership({ role: "viewer" }), membership({ role: "admin", teamKind: "platform" })]))).toBe(
      "admin",
    );
    expect(roleLabel(user([membership({ role: "viewer" })]))).toBe("viewer");
    expect(roleLabel(user([]))).toBe("noRole");
  });
});
