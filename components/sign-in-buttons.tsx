"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

export type DemoUser = { email: string; name: string; description: string };

export function DemoSignIn({ users, callbackUrl }: { users: DemoUser[]; callbackUrl: string }) {
  const [pending, setPending] = useState<string | null>(null);
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
              <span className="visually-hidden">Sign in as </span>
              {user.name}
              <br />
              <small>{user.email}</small>
            </span>
            <small>{pending === user.email ? "Signing in…" : user.description}</small>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function SsoSignIn({ callbackUrl }: { callbackUrl: string }) {
  return (
    <button type="button" className="button primary" onClick={() => void signIn("oidc", { callbackUrl })}>
      Sign in with single sign-on
    </button>
  );
}
