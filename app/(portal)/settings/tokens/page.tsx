import type { Metadata } from "next";
import { TokenManager } from "./token-manager";
import { pageUser } from "@/lib/auth/current-user";
import { tokenScopeDescriptions } from "@/lib/api-tokens/token-scopes";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  await pageUser();
  return (
    <>
      <h1>API tokens</h1>
      <p>
        Personal access tokens let scripts and pipelines use the <a href="/api/v1/openapi.json">Gatehouse REST API</a>{" "}
        as you. A token can do only what you can do, and only within the scopes you give it. Send it as{" "}
        <code>Authorization: Bearer &lt;token&gt;</code>. Revoke a token the moment you no longer need it.
      </p>
      <TokenManager scopeDescriptions={tokenScopeDescriptions} />
    </>
  );
}
