import { accountAccessOf } from "@/lib/accounts/account-access";
import type { AccountAccess } from "@/lib/aws/client-factory";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { MessageKey, Translatable } from "@/lib/i18n/translatable";
import type { HubLocation } from "./hub-schemas";

// Hubs live in verified platform accounts; every hub read and write goes through that account's role.

type HubValidationKey = Extract<MessageKey, `validation.hubs.${string}`>;

export async function platformAccountAccess(db: Db, location: HubLocation): Promise<AccountAccess & { id: string }> {
  const account = await db.awsAccount.findUnique({ where: { id: location.accountId } });
  // The field error is a catalogue key without values; the message says the same naming the account.
  const field = (name: string, key: HubValidationKey, message: Translatable = { key }) =>
    new AppError("VALIDATION_FAILED", message, { fieldErrors: { [name]: [key] } });
  if (!account) throw field("accountId", "validation.hubs.chooseListedAccount");
  const { alias } = account;
  if (account.kind !== "platform")
    throw field("accountId", "validation.hubs.notPlatformAccount", {
      key: "errors.hubs.notPlatformAccount",
      values: { alias },
    });
  if (!account.verifiedAt)
    throw field("accountId", "validation.hubs.verifyFirst", { key: "errors.hubs.verifyFirst", values: { alias } });
  if (!account.regions.includes(location.region)) {
    throw field("region", "validation.hubs.regionNotRegistered", {
      key: "errors.hubs.regionNotRegistered",
      values: { alias, regions: account.regions.join(", ") },
    });
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
      { key: "errors.hubs.awsRefused", values: { answer: `${error.name}: ${error.message}` } },
      { cause: error },
    );
  }
}
