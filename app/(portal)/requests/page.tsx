import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { pageUser } from "@/lib/auth/current-user";
import { requestableTeams } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "My requests" };

export default async function RequestsPage() {
  const user = await pageUser();
  const teams = requestableTeams(user);
  return (
    <>
      <h1>My requests</h1>
      <EmptyState title="No exposure requests yet">
        <p>
          Requests to expose a private service as a private REST API will be listed here, with their approval and
          provisioning status. The request wizard is on its way.
        </p>
        <p>
          {teams.length > 0
            ? `You can request for: ${teams.map((team) => team.teamName).join(", ")}.`
            : "You are not a requester in any team yet; ask a platform admin for access."}
        </p>
      </EmptyState>
    </>
  );
}
