import { parseArgs } from "node:util";
import { CliError } from "./cli-error.ts";

// What the person typed, checked before anything is sent. There is deliberately no option to name a user: every
// command acts as the owner of GATEHOUSE_TOKEN, and an approval needs a second admin's own token.

export const usage = `usage: npx gatehouse <command> [arguments]

  whoami                                  who your token acts as, and your teams with their ids (teamId)
  plan      --file <request.yaml|json>    the dry run: plan, checks, resource policy; nothing is created
  provision --file <request.yaml|json>    submit the request for approval (also: submit); prints its id
  approve   <request id> [--comment …]    approve the pending request, its decommission or its migration
                                          (platform admins, never your own request nor a change you asked for)
  reject    <request id> --comment …      reject it, saying why
  status    <request id> [--wait]         the request and its latest run; --wait follows the run to its end
            [--timeout <seconds>]         (default 3600) and exits 1 if it failed
  verify    <request id>                  re-check an active chain in AWS now (platform admins)
  teardown  <request id>                  ask to decommission an active exposure; another admin approves it
  migrate   <request id>                  ask to move an active exposure from its V1 link to the hub's V2 link,
                                          live; another admin approves it
  withdraw  <request id>                  withdraw a request waiting for approval or rolled back after a failure
  rerun     <request id>                  run a request again after its failed run was rolled back (its team
                                          or a platform admin); follow it with status --wait
  consumers <request id> [--add vpce-…]… [--remove vpce-…]… [--set vpce-…,…] [--apply]
                                          list or change the consumer VPC endpoints (platform admins);
                                          --apply sends the list again to re-apply it. Adding an endpoint
                                          no registered account owns waits for a second platform admin:
  consumers <request id> --approve|--reject
                                          approve or reject the pending change (never your own)

environment:
  GATEHOUSE_URL     the portal, e.g. https://gatehouse.example (http only for localhost)
  GATEHOUSE_TOKEN   your personal access token from /settings/tokens; the CLI acts as its owner`;

export type Command =
  | { name: "help" }
  | { name: "whoami" }
  | { name: "plan" | "provision"; file: string }
  | { name: "approve"; requestId: string; comment?: string }
  | { name: "reject"; requestId: string; comment: string }
  | { name: "status"; requestId: string; wait: boolean; timeoutSeconds: number }
  | { name: "verify" | "teardown" | "migrate" | "withdraw" | "rerun"; requestId: string }
  | {
      name: "consumers";
      requestId: string;
      add: string[];
      remove: string[];
      set?: string[];
      apply: boolean;
      decision?: "approved" | "rejected";
    };

const usageError = (message: string) => new CliError(`${message}\nRun \`npx gatehouse --help\` for the commands.`, 2);

export function parseCommandLine(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: "boolean", short: "h", default: false },
        file: { type: "string" },
        comment: { type: "string" },
        wait: { type: "boolean", default: false },
        timeout: { type: "string", default: "3600" },
        add: { type: "string", multiple: true, default: [] },
        remove: { type: "string", multiple: true, default: [] },
        set: { type: "string" },
        apply: { type: "boolean", default: false },
        approve: { type: "boolean", default: false },
        reject: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/'--(as|approver)'/.test(message))
      throw usageError(
        "There is no --as or --approver: the CLI acts as the owner of GATEHOUSE_TOKEN, and an approval is given with the approving admin's own token.",
      );
    throw usageError(message);
  }
  const { positionals, values } = parsed;
  const [name, requestId, ...extra] = positionals;
  if (values.help || name === undefined || name === "help") return { name: "help" };
  if (extra.length > 0) throw usageError(`Unexpected arguments: ${extra.join(" ")}.`);

  const file = () => {
    if (requestId !== undefined) throw usageError(`${name} takes --file, not an id.`);
    if (!values.file) throw usageError(`${name} needs --file <request.yaml|json>.`);
    return values.file;
  };
  const id = () => {
    if (!requestId) throw usageError(`${name} needs a request id.`);
    return requestId;
  };
  switch (name) {
    case "whoami":
      if (requestId !== undefined) throw usageError(`Unexpected arguments: ${requestId}.`);
      return { name };
    case "plan":
      return { name, file: file() };
    case "provision":
    case "submit":
      return { name: "provision", file: file() };
    case "approve":
      return { name, requestId: id(), ...(values.comment ? { comment: values.comment } : {}) };
    case "reject":
      if (!values.comment?.trim()) throw usageError("reject needs --comment: the team sees why.");
      return { name, requestId: id(), comment: values.comment };
    case "status": {
      const timeoutSeconds = Number(values.timeout);
      if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 1)
        throw usageError("--timeout is a whole number of seconds, at least 1.");
      return { name, requestId: id(), wait: values.wait, timeoutSeconds };
    }
    case "verify":
    case "teardown":
    case "migrate":
    case "withdraw":
    case "rerun":
      return { name, requestId: id() };
    case "consumers": {
      const edits = values.add.length > 0 || values.remove.length > 0 || values.set !== undefined || values.apply;
      if (values.approve && values.reject) throw usageError("consumers takes --approve or --reject, not both.");
      const decision = values.approve ? "approved" : values.reject ? "rejected" : undefined;
      if (decision && edits)
        throw usageError("consumers --approve/--reject decides the pending change; change the list in another call.");
      return {
        name,
        requestId: id(),
        add: values.add,
        remove: values.remove,
        ...(values.set === undefined ? {} : { set: values.set.split(",").filter((entry) => entry.trim() !== "") }),
        apply: values.apply,
        ...(decision ? { decision } : {}),
      };
    }
    default:
      throw usageError(`Unknown command ${name}.`);
  }
}
