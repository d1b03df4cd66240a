import type { Db } from "@/lib/db/client";

// Everyone Gatehouse knows, with each role and where it comes from, for the platform admins' people page.

export async function listPeople(db: Db) {
  const users = await db.user.findMany({
    orderBy: { email: "asc" },
    include: { memberships: { include: { team: true }, orderBy: [{ team: { slug: "asc" } }, { source: "asc" }] } },
  });
  return users.map((user) => ({
    id: user.id,
    email: user.email,
    name: user.name,
    disabled: user.disabled,
    linkedToIdp: user.oidcSubject !== null,
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    roles: user.memberships.map((membership) => ({
      id: membership.id,
      teamId: membership.teamId,
      teamSlug: membership.team.slug,
      teamName: membership.team.name,
      teamKind: membership.team.kind,
      role: membership.role,
      source: membership.source,
      idpGroup: membership.idpGroup,
    })),
  }));
}

export type Person = Awaited<ReturnType<typeof listPeople>>[number];
