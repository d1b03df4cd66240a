import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DemoSignIn, SsoSignIn } from "@/components/sign-in-buttons";
import { getCurrentUser } from "@/lib/auth/current-user";
import { roleLabel } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { env, isDemoSignInEnabled, isOidcConfigured } from "@/lib/env";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { signInLimitedMessage } from "@/lib/rate-limits/answer-sign-in-limit";
import { refusalExplanations, type SignInRefusalReason } from "@/lib/users/link-oidc-identity";
import { findActiveUser } from "@/lib/users/sign-in";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<{ callbackUrl?: string; error?: string; reason?: string; retryAfter?: string }>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const { callbackUrl, error, reason, retryAfter } = await searchParams;
  const target = safeRedirectPath(callbackUrl, "/");
  if (await getCurrentUser()) redirect(target);
  const config = env();
  const demoUsers = isDemoSignInEnabled(config) ? await listDemoUsers() : [];
  const limited = signInLimitedMessage(error, retryAfter);
  return (
    <main className="signin">
      <h1>Sign in to Gatehouse</h1>
      <p>Expose private services as private REST APIs, reviewed by your platform team.</p>
      {limited ? (
        <p className="alert" role="alert">
          {limited}
        </p>
      ) : error === "refused" ? (
        <RefusedSignIn reason={reason} />
      ) : error ? (
        <p className="alert" role="alert">
          Sign-in failed.{" "}
          {error === "CredentialsSignin"
            ? "That user does not exist or is disabled, or this browser is not on the machine Gatehouse runs on (demo sign-in is local only)."
            : "Please try again."}
        </p>
      ) : null}
      {isOidcConfigured(config) ? (
        <SsoSignIn callbackUrl={target} />
      ) : demoUsers.length > 0 ? (
        <section aria-labelledby="demo-heading" className="card">
          <h2 id="demo-heading">Demo users</h2>
          <p>This portal runs in demo mode with seeded users. Pick one to sign in as.</p>
          <DemoSignIn users={demoUsers} callbackUrl={target} />
        </section>
      ) : (
        <p className="alert">
          Sign-in is not configured. Set AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET.
        </p>
      )}
    </main>
  );
}

/** An IdP sign-in Gatehouse would not link to a user: why, and whom to ask. */
function RefusedSignIn({ reason }: { reason: string | undefined }) {
  const explanation = reason && reason in refusalExplanations ? refusalExplanations[reason as SignInRefusalReason] : "";
  return (
    <section className="alert" role="alert" aria-labelledby="refused-heading">
      <h2 id="refused-heading">Sign-in refused</h2>
      <p>
        {explanation} Gatehouse did not sign you in, so nobody can take over another person&apos;s account by email.
      </p>
      <p>
        Ask your <strong>Gatehouse platform admins</strong> (the platform team) to check your account on their People
        page; the refusal is in the audit log.
      </p>
    </section>
  );
}

async function listDemoUsers() {
  const users = await db().user.findMany({
    where: { disabled: false },
    orderBy: { name: "asc" },
    select: { id: true },
  });
  const loaded = await Promise.all(users.map((user) => findActiveUser(db(), user.id)));
  return loaded
    .filter((user) => user !== null)
    .map((user) => ({
      email: user.email,
      name: user.name,
      description: `${roleLabel(user)}${user.memberships[0] ? ` · ${user.memberships.map((membership) => membership.teamName).join(", ")}` : ""}`,
    }));
}
