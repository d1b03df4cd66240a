// Which Gatehouse user an OIDC sign-in is, as a pure decision. Users are linked by issuer + subject only; an existing
// user is matched by email only when the IdP vouches for the address (`email_verified: true`) and that user has no
// IdP identity yet. Anything else is refused, so whoever can set an email claim cannot take over someone else.

export type OidcIdentity = {
  issuer: string;
  subject: string;
  email: string;
  emailVerified: boolean;
  name: string;
  groups: string[];
};

type KnownUser = { id: string; disabled: boolean; oidcSubject: string | null };

// The sign-in page explains each reason in words of its own (messages: signin.refused.<reason>).
export const signInRefusalReasons = ["disabled", "email_not_verified", "email_linked_to_another_identity"] as const;
export type SignInRefusalReason = (typeof signInRefusalReasons)[number];

export function isSignInRefusalReason(value: unknown): value is SignInRefusalReason {
  return typeof value === "string" && (signInRefusalReasons as readonly string[]).includes(value);
}

export type LinkDecision =
  | { kind: "existing"; userId: string }
  | { kind: "link"; userId: string }
  | { kind: "create" }
  | { kind: "refuse"; reason: SignInRefusalReason; userId: string };

/** `bySubject`: the user with this issuer + subject; `byEmail`: the user with the token's email, if any. */
export function decideOidcLink(
  bySubject: KnownUser | null,
  byEmail: KnownUser | null,
  emailVerified: boolean,
): LinkDecision {
  if (bySubject) {
    return bySubject.disabled
      ? { kind: "refuse", reason: "disabled", userId: bySubject.id }
      : { kind: "existing", userId: bySubject.id };
  }
  if (!byEmail) return { kind: "create" };
  if (byEmail.oidcSubject !== null)
    return { kind: "refuse", reason: "email_linked_to_another_identity", userId: byEmail.id };
  if (!emailVerified) return { kind: "refuse", reason: "email_not_verified", userId: byEmail.id };
  if (byEmail.disabled) return { kind: "refuse", reason: "disabled", userId: byEmail.id };
  return { kind: "link", userId: byEmail.id };
}
