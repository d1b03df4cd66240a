import { isAccessDenied } from "@/lib/aws/access-denied";
import { probePermission } from "@/lib/aws/permission-answer";

// The dry run's findings, and the two ways it asks AWS: a read whose failure becomes a finding, and an EC2 DryRun call.

export type CheckStatus = "pass" | "warning" | "blocker";
export type DryRunCheck = { id: string; status: CheckStatus; message: string; fix?: string };

export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : "Error";
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class CheckList {
  readonly checks: DryRunCheck[] = [];
  add(id: string, status: CheckStatus, message: string, fix?: string): void {
    this.checks.push(fix ? { id, status, message, fix } : { id, status, message });
  }
  /** Runs one AWS read; a failure becomes a check (a blocker when the role is missing the action) and undefined. */
  async read<T>(id: string, what: string, accountId: string, call: () => Promise<T>): Promise<T | undefined> {
    try {
      return await call();
    } catch (error) {
      if (isAccessDenied(error)) {
        this.add(
          id,
          "blocker",
          `Gatehouse's role in account ${accountId} may not ${what}: ${errorMessage(error)}`,
          `Grant the missing action to the Gatehouse role in ${accountId} and verify the account again.`,
        );
      } else {
        this.add(
          id,
          "warning",
          `Could not ${what} in account ${accountId}: ${errorName(error)}: ${errorMessage(error)}`,
          "Try the preview again; if it persists, ask the platform team.",
        );
      }
      return undefined;
    }
  }
  /** EC2 DryRun, judged as account verification judges it: only DryRunOperation proves the permission. */
  async permission(id: string, action: string, accountId: string, call: () => Promise<unknown>): Promise<void> {
    const { verdict, detail } = await probePermission("dryRun", call);
    if (verdict === "allowed") this.add(id, "pass", `The role in ${accountId} may call ${action}.`);
    else if (verdict === "denied")
      this.add(
        id,
        "blocker",
        `The role in ${accountId} may not call ${action}.`,
        `Add ${action} to the Gatehouse role in ${accountId}, then verify the account again.`,
      );
    else this.add(id, "warning", `Could not confirm ${action} in ${accountId}: ${detail}`);
  }
}
