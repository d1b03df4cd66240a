import { accountAccessOf } from "@/lib/accounts/account-access";
import type { AccountAccess } from "@/lib/aws/client-factory";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { HubLocation } from "./hub-schemas";

// Hubs live in verified platform accounts; every hub read and write goes through that account's role.

export async function platformAccountAccess(db: Db, location: HubLocation): Promise<AccountAccess & { id: string }> {
  const account = await db.awsAccount.findUnique({ where: { id: location.accountId } });
  const field = (name: string, message: string) =>
    new AppError("VALIDATION_FAILED", message, { fieldErrors: { [name]: [message] } });
  if (!account) throw field("accountId", "Choose one of the listed platform accounts.");
  if (account.kind !== "platform")
    throw field("accountId", `${account.alias} is an application account; the hub lives in a platform account.`);
  if (!account.verifiedAt) throw field("accountId", `Verify ${account.alias} first: its role must pass every check.`);
  if (!account.regions.includes(location.region)) {
    throw field("region", `${account.alias} is registered for ${account.regions.join(", ")}; pick one of those.`);
  }
  return { id: account.id, ...accountAccessOf(account, location.region) };
}

/** An AWS refusal while reading or changing the hub, as a message the admin can act on (not a generic 500). */
export async function withAwsErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (!(error instanceof Error) || status === undefined) throw error;
    throw new AppError(
      "UNAVAILABLE",
      `AWS answered ${error.name}: ${error.message} Re-verify the account if its role changed.`,
      { cause: error },
    );
  }
}
