import { describe, expect, it } from "vitest";
import { seesEveryExposure, topologyScopeWhere } from "./topology-scope";
import type { CurrentUser, UserMembership } from "@/lib/auth/permissions";

const membership = (
  teamId: string,
  teamKind: UserMembership["teamKind"],
  role: UserMembership["role"],
): UserMembership => ({
  teamId,
  teamSlug: teamId,
  teamName: teamId,
  teamKind,
  role,
});
const userWith = (...memberships: UserMembership[]): CurrentUser => ({
  id: "u",
  email: "u@example.com",
  name: "U",
  memberships,
});

describe("topologyScopeWhere", () => {
  it("lets platform admins and platform viewers see every exposure", () => {
    expect(topologyScopeWhere(userWith(membership("platform", "platform", "admin")))).toEqual({});
    expect(topologyScopeWhere(userWith(membership("platform", "platform", "viewer")))).toEqual({});
  });

  it("limits everyone else to their own teams, viewers included", () => {
    const user = userWith(
      membership("payments", "application", "requester"),
      membership("logistics", "application", "viewer"),
    );
    expect(seesEveryExposure(user)).toBe(false);
    expect(topologyScopeWhere(user)).toEqual({ teamId: { in: ["payments", "logistics"] } });
  });

  it("shows a user without a team nothing", () => {
    expect(topologyScopeWhere(userWith())).toEqual({ teamId: { in: [] } });
  });
});
