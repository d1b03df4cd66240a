import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AccessGrants } from "@/components/access/access-grants";
import { AccessRequestForm } from "@/components/access/access-request-form";
import { ApiAuthorizationChoice } from "@/components/access/api-authorization-choice";
import { accessPageOf } from "@/lib/access/access-page";
import { pageUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Access" };

type Params = Promise<{ id: string }>;

// /catalog/:id/access – ask for access to an exposure, and the grants of it each viewer may see (the owning
// team decides and revokes here; the consumer finds its invoke URL).
export default async function AccessPage({ params }: { params: Params }) {
  const user = await pageUser();
  const { id } = await params;
  const page = await accessPageOf(db(), user, id);
  if (!page) notFound();
  const { exposure } = page;
  return (
    <>
      <h1>
        Access to {exposure.apiName} ({exposure.stageName})
      </h1>
      <p>
        Owned by {exposure.team}, in {page.region}. Calls reach this private API only through VPC endpoints its resource
        policy allows; the owning team approves each consumer&apos;s endpoint.
      </p>
      {page.mayChooseAuthorization ? (
        <ApiAuthorizationChoice requestId={exposure.id} initial={page.authorization} />
      ) : null}
      <h2>Request access</h2>
      <AccessRequestForm requestId={exposure.id} accounts={page.accounts} />
      <AccessGrants url={`/api/requests/${exposure.id}/access`} title="Consumers" />
    </>
  );
}
