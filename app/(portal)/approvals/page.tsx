import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { pageAdmin } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Approvals" };

export default async function ApprovalsPage() {
  await pageAdmin();
  return (
    <>
      <h1>Approvals</h1>
      <EmptyState title="Nothing waits for a decision">
        <p>Requests from application teams will queue here, oldest first, with the exact plan of what will be created.</p>
      </EmptyState>
    </>
  );
}
