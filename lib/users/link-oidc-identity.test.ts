import { describe, expect, it } from "vitest";
import { decideOidcLink } from "./link-oidc-identity";

const user = (overrides: { disabled?: boolean; oidcSubject?: string | null } = {}) => ({
  id: "u1",
  disabled: false,
  oidcSubject: null,
  ...overrides,
});

describe("which user an OIDC identity is", () => {
  it("is the user linked to the issuer + subject, whatever the email", () => {
    expect(decideOidcLink(user({ oidcSubject: "s" }), null, false)).toEqual({ kind: "existing", userId: "u1" });
  });
  it("is a new user when neither subject nor email is known", () => {
    expect(decideOidcLink(null, null, false)).toEqual({ kind: "create" });
  });
  it("links by email only when verified and the user has no subject", () => {
    expect(decideOidcLink(null, user(), true)).toEqual({ kind: "link", userId: "u1" });
    expect(decideOidcLink(null, user(), false)).toMatchObject({ kind: "refuse", reason: "email_not_verified" });
    expect(decideOidcLink(null, user({ oidcSubject: "other" }), true)).toMatchObject({
      kind: "refuse",
      reason: "email_linked_to_another_identity",
    });
  });
  it("refuses a disabled user either way", () => {
    expect(decideOidcLink(user({ oidcSubject: "s", disabled: true }), null, true)).toMatchObject({
      reason: "disabled",
    });
    expect(decideOidcLink(null, user({ disabled: true }), true)).toMatchObject({ reason: "disabled" });
  });
});
