import type { Metadata } from "next";
import { AccessGrants } from "@/components/access/access-grants";
import { pageUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "My access" };

// /access – the access the caller's teams hold to other teams' APIs, with each invoke URL.
export default async function MyAccessPage() {
  await pageUser();
  return (
    <>
      <h1>My access</h1>
      <p>APIs your teams may call, through which endpoint, and until when. Revoke what you no longer need.</p>
      <AccessGrants url="/api/access" title="Grants of your teams" />
    </>
  );
}
