import { isAccessDenied } from "@/lib/aws/access-denied";
import { probePermission } from "@/lib/aws/permission-answer";
import type { Locale } from "@/lib/i18n/locales";
import { translate } from "@/lib/i18n/translate";
import { isTranslatable, type Translatable } from "@/lib/i18n/translatable";

// The dry run's findings, and the two ways it asks AWS: a read whose failure becomes a finding, and an EC2 DryRun call.
// A finding is stored with the plan and read later by an approver in their own language, so it keeps the catalogue
// key and values (dryRun.*), not English; AWS's own error messages travel inside the values as AWS wrote them.

export type CheckStatus = "pass" | "warning" | "blocker";
/** Plans stored before the portal spoke two languages hold plain English text, shown as it is. */
export type CheckText = Translatable | string;
export type DryRunCheck = { id: string; status: CheckStatus; message: CheckText; fix?: CheckText };

/** The AWS reads a check makes, named in the finding when one fails (the `what` of dryRun.read.*). */
export type CheckedRead =
  "hubSubnets" | "loadBalancerSubnets" | "quotas" | "routeTables" | "loadBalancers" | "listeners" | "endpointServices";

/** A check's text in one language, where no page renders it (an API error, a log line, a test). */
export function checkTextIn(text: CheckText, locale: Locale): string {
  return isTranslatable(text) ? translate(text, locale) : text;
}

export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : "Error";
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class CheckList {
  readonly checks: DryRunCheck[] = [];
  add(id: string, status: CheckStatus, message: Translatable, fix?: Translatable): void {
    this.checks.push(fix ? { id, status, message, fix } : { id, status, message });
  }
  /** Runs one AWS read; a failure becomes a check (a blocker when the role is missing the action) and undefined. */
  async read<T>(id: string, what: CheckedRead, accountId: string, call: () => Promise<T>): Promise<T | undefined> {
    try {
      return await call();
    } catch (error) {
      const values = { what, accountId, error: errorMessage(error) };
      if (isAccessDenied(error))
        this.add(
          id,
          "blocker",
          { key: "dryRun.read.denied", values },
          { key: "dryRun.read.deniedFix", values: { accountId } },
        );
      else
        this.add(
          id,
          "warning",
          { key: "dryRun.read.failed", values: { ...values, errorName: errorName(error) } },
          { key: "dryRun.read.failedFix" },
        );
      return undefined;
    }
  }
  /** EC2 DryRun, judged as account verification judges it: only DryRunOperation proves the permission. */
  async permission(id: string, action: string, accountId: string, call: () => Promise<unknown>): Promise<void> {
    const { verdict, detail } = await probePermission("dryRun", call);
    const values = { action, accountId };
    if (verdict === "allowed") this.add(id, "pass", { key: "dryRun.permission.allowed", values });
    else if (verdict === "denied")
      this.add(
        id,
        "blocker",
        { key: "dryRun.permission.denied", values },
        { key: "dryRun.permission.deniedFix", values },
      );
    else this.add(id, "warning", { key: "dryRun.permission.unconfirmed", values: { ...values, detail } });
  }
}
