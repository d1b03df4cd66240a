import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { ZodWithoutEval } from "@/components/zod-without-eval";
import { env, isDemoOnExternalDatabase } from "@/lib/env";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Gatehouse", template: "%s · Gatehouse" },
  description: "Expose private services as private API Gateway REST APIs, reviewed and provisioned for you.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: Next.js puts the request's CSP nonce (proxy.ts) on its scripts only then, and
  // the demo warning below reflects the running configuration, not the build's.
  await connection();
  return (
    <html lang="en">
      <body>
        <ZodWithoutEval />
        {isDemoOnExternalDatabase(env()) ? (
          <p className="alert demo-warning" role="alert">
            Demo sign-in is on against an external database (GATEHOUSE_DEMO_ALLOW_EXTERNAL_DB): anyone on this machine
            can sign in as any seeded user, platform admins included, without a password. Use a throwaway database only.
          </p>
        ) : null}
        {children}
      </body>
    </html>
  );
}
