import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { DemoSignIn, SsoSignIn } from "@/components/sign-in-buttons";
import { TranslatedText } from "@/components/translated-text";
import { getCurrentUser } from "@/lib/auth/current-user";
import { roleLabel } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { env, isDemoSignInEnabled, isOidcConfigured } from "@/lib/env";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { signInLimitedMessage } from "@/lib/rate-limits/answer-sign-in-limit";
import { isSignInRefusalReason } from "@/lib/users/link-oidc-identity";
import { findActiveUser } from "@/lib/users/sign-in";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signin");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

type SearchParams = Promise<{ callbackUrl?: string; error?: string; reason?: string; retryAfter?: string }>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const { callbackUrl, error, reason, retryAfter } = await searchParams;
  const target = safeRedirectPath(callbackUrl, "/");
  if (await getCurrentUser()) redirect(target);
  const config = env();
  const t = await getTranslations("signin");
  const demoUsers = isDemoSignInEnabled(config) ? await listDemoUsers() : [];
  const limited = signInLimitedMessage(error, retryAfter);
  return (
    <main className="signin">
      {/* Signed out, the choice is kept in a cookie; signing in then saves it on the user. */}
      <LocaleSwitcher className="locale-switcher signin-locale" />
      <h1>{t("heading")}</h1>
      <p>{t("intro")}</p>
      {limited ? (
        <p className="alert" role="alert">
          <TranslatedText message={limited} />
        </p>
      ) : error === "refused" ? (
        <RefusedSignIn reason={reason} />
      ) : error ? (
        <p className="alert" role="alert">
          {t("failed")} {error === "CredentialsSignin" ? t("credentialsFailed") : t("tryAgain")}
        </p>
      ) : null}
      {isOidcConfigured(config) ? (
        <SsoSignIn callbackUrl={target} />
      ) : demoUsers.length > 0 ? (
        <section aria-labelledby="demo-heading" className="card">
          <h2 id="demo-heading">{t("demoHeading")}</h2>
          <p>{t("demoIntro")}</p>
          <DemoSignIn users={demoUsers} callbackUrl={target} />
        </section>
      ) : (
        <p className="alert">{t("notConfigured")}</p>
      )}
    </main>
  );
}

/** An IdP sign-in Gatehouse would not link to a user: why, and whom to ask (always the platform admins). */
async function RefusedSignIn({ reason }: { reason: string | undefined }) {
  const t = await getTranslations("signin.refused");
  const whomToAsk = t.rich("whomToAsk", { strong: (chunks) => <strong>{chunks}</strong> });
  return (
    <section className="alert" role="alert" aria-labelledby="refused-heading">
      <h2 id="refused-heading">{t("heading")}</h2>
      <p>
        {isSignInRefusalReason(reason) ? `${t(reason)} ` : null}
        {t("noTakeover")}
      </p>
      <p>{whomToAsk}</p>
    </section>
  );
}

async function listDemoUsers() {
  const t = await getTranslations("roles");
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
      description: [t(roleLabel(user)), user.memberships.map((membership) => membership.teamName).join(", ")]
        .filter(Boolean)
        .join(" · "),
    }));
}
