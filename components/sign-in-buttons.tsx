"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

export type DemoUser = { email: string; name: string; description: string };

export function DemoSignIn({ users, callbackUrl }: { users: DemoUser[]; callbackUrl: string }) {
  const t = useTranslations("signin");
  const [pending, setPending] = useState<string | null>(null);
  // The button's name reads "Sign in as <name>"; sighted users see the name alone.
  const signInAs = (name: string) =>
    t.rich("signInAs", { name, hidden: (chunks) => <span className="visually-hidden">{chunks}</span> });
  return (
    <ul className="user-list">
      {users.map((user) => (
        <li key={user.email}>
          <button
            type="button"
            className="button"
            disabled={pending !== null}
            onClick={() => {
              setPending(user.email);
              void signIn("demo", { email: user.email, callbackUrl });
            }}
          >
            <span>
              {signInAs(user.name)}
              <br />
              <small>{user.email}</small>
            </span>
            <small>{pending === user.email ? t("signingIn") : user.description}</small>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function SsoSignIn({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("signin");
  return (
    <button type="button" className="button primary" onClick={() => void signIn("oidc", { callbackUrl })}>
      {t("sso")}
    </button>
  );
}
