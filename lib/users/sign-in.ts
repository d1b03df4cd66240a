import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { GroupRoleGrant } from "@/lib/auth/oidc-group-roles";
import type { Db, Tx } from "@/lib/db/client";
import { decideOidcLink, type OidcIdentity, type SignInRefusalReason } from "./link-oidc-identity";
import { syncIdpMemberships } from "./sync-idp-memberships";

// Signing in records who signed in (and, for an OIDC sign-in, the new or linked user and the group-mapped
// memberships) in one transaction with its audit events.

/** `sessionVersion` goes into the session's JWT; a session whose version is not the user's current one has ended. */
export type SignedInUser = { id: string; email: string; name: string; sessionVersion: number };

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
    const user = await tx.user.findUnique({ where: { email: email.toLowerCase() } });
    if (!user || user.disabled) return null;
    const signedIn = { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
    await markSignedIn(tx, signedIn, "demo");
    return signedIn;
  });
}

export type OidcSignIn = { ok: true; user: SignedInUser } | { ok: false; reason: SignInRefusalReason };

/**
 * OIDC sign-in: links the identity to a user by issuer + subject (see link-oidc-identity.ts), creates a role-less user
 * for a new identity, and recomputes the memberships the groups give. A refusal is audited and committed; the caller
 * sends the person to the sign-in page with the reason.
 */
export async function signInOidcUser(
  db: Db,
  identity: OidcIdentity,
  grants: readonly GroupRoleGrant[],
): Promise<OidcSignIn> {
  return db.$transaction(async (tx) => {
    const email = identity.email.toLowerCase();
    // Users linked before the issuer was stored (oidcIssuer null) were linked through the one configured IdP: the
    // first sign-in since records its issuer.
    const bySubject = await tx.user.findFirst({
      where: { oidcSubject: identity.subject, OR: [{ oidcIssuer: identity.issuer }, { oidcIssuer: null }] },
      orderBy: { oidcIssuer: { sort: "asc", nulls: "last" } },
    });
    if (bySubject && bySubject.oidcIssuer === null) {
      await tx.user.update({ where: { id: bySubject.id }, data: { oidcIssuer: identity.issuer } });
    }
    const byEmail = bySubject ? null : await tx.user.findUnique({ where: { email } });
    const decision = decideOidcLink(bySubject, byEmail, identity.emailVerified);
    const idpIdentity = { issuer: identity.issuer, subject: identity.subject };

    if (decision.kind === "refuse") {
      await recordAuditEvent(tx, {
        actor: { label: email },
        action: "auth.sign_in_refused",
        targetType: "user",
        targetId: decision.userId,
        details: { reason: decision.reason, ...idpIdentity, email, emailVerified: identity.emailVerified },
      });
      return { ok: false, reason: decision.reason };
    }
    let userId: string;
    if (decision.kind === "create") {
      const user = await tx.user.create({
        data: { email, name: identity.name || email, oidcIssuer: identity.issuer, oidcSubject: identity.subject },
      });
      userId = user.id;
      await recordAuditEvent(tx, {
        actor: { id: userId, label: email },
        action: "user.created",
        targetType: "user",
        targetId: userId,
        details: { via: "oidc", ...idpIdentity },
      });
    } else {
      userId = decision.userId;
      if (decision.kind === "link") {
        await tx.user.update({
          where: { id: userId },
          data: { oidcIssuer: identity.issuer, oidcSubject: identity.subject },
        });
        await recordAuditEvent(tx, {
          actor: { id: userId, label: email },
          action: "user.linked",
          targetType: "user",
          targetId: userId,
          details: { ...idpIdentity, email },
        });
      }
    }
    await syncIdpMemberships(tx, userId, grants);
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    const signedIn = { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
    await markSignedIn(tx, signedIn, "oidc");
    return { ok: true, user: signedIn };
  });
}

/**
 * The user with memberships, as authorization reads it; null when missing or disabled, or when `sessionVersion` is
 * given and is not the user's current one (the session was ended).
 */
export async function findActiveUser(db: Db, id: string, session?: { sessionVersion: number }) {
  const user = await db.user.findUnique({
    where: { id },
    include: { memberships: { include: { team: true }, orderBy: { createdAt: "asc" } } },
  });
  if (!user || user.disabled) return null;
  if (session && session.sessionVersion !== user.sessionVersion) return null;
  // The same role in the same team from an IdP group and from an admin counts once.
  const memberships = user.memberships.filter(
    (membership, index, all) =>
      all.findIndex((other) => other.teamId === membership.teamId && other.role === membership.role) === index,
  );
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    memberships: memberships.map((membership) => ({
      teamId: membership.teamId,
      teamSlug: membership.team.slug,
      teamName: membership.team.name,
      teamKind: membership.team.kind,
      role: membership.role,
    })),
  };
}
