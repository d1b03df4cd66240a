import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { isLoopbackClient } from "./loopback-client";
import { grantsForGroups, parseGroupRoles } from "./oidc-group-roles";
import { db } from "@/lib/db/client";
import { env, isDemoSignInEnabled, isOidcConfigured } from "@/lib/env";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { signInDemoUser, signInOidcUser } from "@/lib/users/sign-in";

// next-auth with JWT sessions. The token carries only our user id and the user's session version: roles are read from
// the database on every request, never from the token or the IdP, and a session whose version is no longer the
// user's (disabled, last role removed) ends on its next request. With OIDC configured it is the only way in; demo sign-in exists only
// when explicitly enabled (the launcher enables it for the embedded database).

const demoCredentials = z.object({ email: z.email() });
const oidcProfile = z.object({
  sub: z.string().min(1),
  email: z.email(),
  email_verified: z.boolean().optional(),
  name: z.string().optional(),
});

/** Set on next-auth's user object by the sign-in callback, read by the jwt callback of the same request. */
type SignedInMarker = { id: string; name?: string | null; email?: string | null; sessionVersion?: number };

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const config = env();
  if (config.AUTH_URL) process.env.NEXTAUTH_URL ??= config.AUTH_URL;
  const grants = parseGroupRoles(config.AUTH_OIDC_GROUP_ROLES);
  const providers: NextAuthOptions["providers"] = [];

  if (isOidcConfigured(config)) {
    providers.push({
      id: "oidc",
      name: "single sign-on",
      type: "oauth",
      wellKnown: `${config.AUTH_OIDC_ISSUER?.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: config.AUTH_OIDC_CLIENT_ID,
      clientSecret: config.AUTH_OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile: (profile: Record<string, unknown>) => {
        const parsed = oidcProfile.parse(profile);
        return { id: parsed.sub, email: parsed.email, name: parsed.name ?? parsed.email };
      },
    });
  } else if (isDemoSignInEnabled(config)) {
    providers.push(
      CredentialsProvider({
        id: "demo",
        name: "demo user",
        credentials: { email: { label: "Email", type: "email" } },
        async authorize(credentials, request) {
          // Demo sign-in is for one machine (see loopback-client.ts); Next.js records where it listens.
          if (!isLoopbackClient(request.headers ?? {}, process.env.__NEXT_PRIVATE_ORIGIN)) return null;
          const parsed = demoCredentials.safeParse(credentials);
          if (!parsed.success) return null;
          return signInDemoUser(db(), parsed.data.email);
        },
      }),
    );
  }

  cached = {
    secret: config.AUTH_SECRET,
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    pages: { signIn: "/signin", error: "/signin" },
    providers,
    callbacks: {
      // After sign-in and sign-out, only a path on our own origin: never where a crafted callbackUrl points.
      async redirect({ url, baseUrl }) {
        return `${baseUrl}${safeRedirectPath(url, "/", baseUrl)}`;
      },
      // The OIDC sign-in happens here, so a refusal can send the person to the sign-in page with its reason.
      async signIn({ user, account, profile }) {
        if (account?.provider !== "oidc") return true;
        const claims = (profile ?? {}) as Record<string, unknown>;
        const parsed = oidcProfile.safeParse(claims);
        if (!parsed.success) return false;
        const groupClaim = claims[config.AUTH_OIDC_GROUPS_CLAIM];
        const groups = Array.isArray(groupClaim)
          ? groupClaim.filter((group): group is string => typeof group === "string")
          : [];
        const result = await signInOidcUser(
          db(),
          {
            // The issuer the ID token was verified against (next-auth checks `iss`), so one IdP's subjects never match another's.
            issuer: typeof claims.iss === "string" ? claims.iss : (config.AUTH_OIDC_ISSUER ?? ""),
            subject: parsed.data.sub,
            email: parsed.data.email,
            emailVerified: parsed.data.email_verified === true,
            name: parsed.data.name ?? parsed.data.email,
            groups,
          },
          grantsForGroups(grants, groups),
        );
        if (!result.ok) return `/signin?error=refused&reason=${result.reason}`;
        Object.assign(user, result.user satisfies SignedInMarker);
        return true;
      },
      async jwt({ token, user }) {
        if (user) {
          const signedIn = user as SignedInMarker;
          return {
            sub: signedIn.id,
            name: signedIn.name,
            email: signedIn.email,
            sessionVersion: signedIn.sessionVersion ?? 0,
          };
        }
        return { sub: token.sub, name: token.name, email: token.email, sessionVersion: token.sessionVersion };
      },
      async session({ session, token }) {
        return {
          ...session,
          user: { id: token.sub, name: token.name, email: token.email, sessionVersion: token.sessionVersion },
        };
      },
    },
  };
  return cached;
}
