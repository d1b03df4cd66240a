import type { Metadata } from "next";
import { RequestWizard } from "./request-wizard";
import { pageUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { wizardOptions } from "@/lib/requests/wizard-options";

export const metadata: Metadata = { title: "New request" };

export default async function NewRequestPage() {
  const user = await pageUser();
  const options = await wizardOptions(db(), user);
  return (
    <>
      <h1>Request a private API</h1>
      <RequestWizard options={options} />
    </>
  );
}
