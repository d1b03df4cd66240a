import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { GroupRoleGrant } from "@/lib/auth/oidc-group-roles";
import type { Db, Tx } from "@/lib/db/client";

// Signing in records who signed in (and, for a first OIDC sign-in, the new user and any group-mapped memberships)
// in one transaction with its audit events.

export type SignedInUser = { id: string; email: string; name: string };

async function markSignedIn(tx: Tx, user: SignedInUser, method: "demo" | "oidc"): Promise<void> {
  await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await recordAuditEvent(tx, {
    actor: { id: user.id, label: user.email },
    action: "auth.sign_in",
    targetType: "user",
    targetId: user.id,
    details: { method },
  });
}

/** Demo sign-in: only an existing, enabled user; null otherwise. */
export async function signInDemoUser(db: Db, email: string): Promise<SignedInUser | null> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, email: true, name: true, disabled: true } });
    if (!user || user.disabled) return null;
    const signedIn = { id: user.id, email: user.email, name: user.name };
    await markSignedIn(tx, signedIn, "demo");
    return signedIn;
  });
}

export type OidcIdentity = { subject: string; email: string; name: string; groups: string[] };

/**
 * OIDC sign-in: finds the user by subject (or links a user an admin created with the same email), creates a
 * role-less user otherwise, and grants the memberships the group mapping gives. Null when the user is disabled.
 */
export async function signInOidcUser(db: Db, identity: OidcIdentity, grants: readonly GroupRoleGrant[]): Promise<SignedInUser | null> {
  return db.$transaction(async (tx) => {
    const email = identity.email.toLowerCase();
    let user = await tx.user.findFirst({ where: { OR: [{ oidcSubject: identity.subject }, { email }] } });
    if (user?.disabled) return null;
    if (!user) {
      user = await tx.user.create({ data: { email, name: identity.name || email, oidcSubject: identity.subject } });
      await recordAuditEvent(tx, { actor: { id: user.id, label: email }, action: "user.created", targetType: "user", targetId: user.id, details: { via: "oidc" } });
    } else if (user.oidcSubject !== identity.subject) {
      user = await tx.user.update({ where: { id: user.id }, data: { oidcSubject: identity.subject } });
    }
    for (const grant of grants) {
      const team = await tx.team.findUnique({ where: { slug: grant.teamSlug } });
      if (!team) continue;
      const existing = await tx.membership.findUnique({ where: { userId_teamId: { userId: user.id, teamId: team.id } } });
      if (existing) continue;
      await tx.membership.create({ data: { userId: user.id, teamId: team.id, role: grant.role } });
      await recordAuditEvent(tx, {
        actor: { label: "system" },
        action: "membership.granted",
        targetType: "user",
        targetId: user.id,
        details: { team: team.slug, role: grant.role, group: grant.group },
      });
    }
    const signedIn = { id: user.id, email: user.email, name: user.name };
    await markSignedIn(tx, signedIn, "oidc");
    return signedIn;
  });
}

/** The user with memberships, as authorization reads it; null when missing or disabled. */
export async function findActiveUser(db: Db, id: string) {
  const user = await db.user.findUnique({
    where: { id },
    include: { memberships: { include: { team: true }, orderBy: { createdAt: "asc" } } },
  });
  if (!user || user.disabled) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    memberships: user.memberships.map((membership) => ({
      teamId: membership.teamId,
      teamSlug: membership.team.slug,
      teamName: membership.team.name,
      teamKind: membership.team.kind,
      role: membership.role,
    })),
  };
}
