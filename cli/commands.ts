import { z } from "zod";
import { CliError } from "./cli-error.ts";
import type { Command } from "./command-line.ts";
import { nextConsumerList } from "./consumer-list.ts";
import { consumerEndpointsSchema, describeConsumerEndpoints } from "./consumer-state.ts";
import { followRequest, isRolledBack, readRequest, requestSummary } from "./follow-request.ts";
import { parseAnswer, type PortalClient } from "./portal-client.ts";
import { readRequestFile } from "./request-file.ts";

// Each command as /api/v1 calls. stdout carries the result (JSON, or the new request's id), stderr tells the person
// what happened and what comes next; a result that is a failure (a blocker, a failed run, a broken chain) exits 1.

export type Output = { result: (value: unknown) => void; tell: (line: string) => void };

const checksSchema = z.object({
  checks: z.array(z.object({ status: z.string(), message: z.string(), fix: z.string().optional() })),
});
const identitySchema = z.object({
  email: z.string(),
  isPlatformAdmin: z.boolean(),
  memberships: z.array(z.object({ teamId: z.string(), teamName: z.string(), role: z.string() })),
});
const submittedSchema = z.object({ id: z.string() });
const verificationSchema = z
  .object({ healthy: z.boolean(), brokenHop: z.string().optional(), reason: z.string().optional() })
  .loose();

const path = (requestId: string, suffix = "") => `/api/v1/requests/${encodeURIComponent(requestId)}${suffix}`;

/** Runs one command; the exit code (0 or 1) says whether its result is a success. */
export async function runCommand(
  command: Exclude<Command, { name: "help" }>,
  client: PortalClient,
  out: Output,
): Promise<number> {
  switch (command.name) {
    case "whoami": {
      const identity = await client.get("/api/v1/me");
      out.result(identity);
      const { email, isPlatformAdmin, memberships } = parseAnswer(identitySchema, identity);
      const roles = memberships.map(
        (membership) => `${membership.role} in ${membership.teamName} (teamId ${membership.teamId})`,
      );
      out.tell(
        `You act as ${email}${isPlatformAdmin ? ", a platform admin" : ""}: ${roles.join(", ") || "no team yet"}.`,
      );
      return 0;
    }
    case "plan": {
      const preview = await client.send("POST", "/api/v1/requests/preview", await readRequestFile(command.file));
      out.result(preview);
      const blockers = parseAnswer(checksSchema, preview).checks.filter((check) => check.status === "blocker");
      for (const blocker of blockers)
        out.tell(`blocker: ${blocker.message}${blocker.fix ? ` Fix: ${blocker.fix}` : ""}`);
      out.tell(
        blockers.length === 0
          ? "No blocker: `npx gatehouse provision` would be accepted."
          : "Submitting would be refused.",
      );
      return blockers.length === 0 ? 0 : 1;
    }
    case "provision": {
      const submitted = parseAnswer(
        submittedSchema,
        await client.send("POST", "/api/v1/requests", await readRequestFile(command.file)),
      );
      out.result(submitted.id);
      out.tell(
        `Submitted ${submitted.id}. A platform admin other than you approves it: npx gatehouse approve ${submitted.id}`,
      );
      return 0;
    }
    case "approve":
    case "reject": {
      const request = await readRequest(client, command.requestId);
      const kind =
        request.status === "decommission_pending"
          ? "decommission"
          : request.status === "migration_pending"
            ? "migration"
            : request.status === "move_pending"
              ? "move"
              : "exposure";
      const decision = command.name === "approve" ? "approved" : "rejected";
      out.result(
        await client.send("POST", `/api/v1/approvals/${encodeURIComponent(command.requestId)}`, {
          kind,
          decision,
          ...(command.comment ? { comment: command.comment } : {}),
        }),
      );
      out.tell(
        `${kind} of ${command.requestId} ${decision}.${decision === "approved" ? ` Follow the run: npx gatehouse status ${command.requestId} --wait` : ""}`,
      );
      return 0;
    }
    case "status": {
      const state = command.wait
        ? await followRequest(client, command.requestId, { timeoutMs: command.timeoutSeconds * 1000, report: out.tell })
        : await readRequest(client, command.requestId);
      const summary = requestSummary(state);
      out.result(summary);
      if (state.failure)
        out.tell(`failed: ${state.failure.message}${state.failure.fix ? ` Fix: ${state.failure.fix}` : ""}`);
      if (isRolledBack(state))
        out.tell(
          `The failed run was rolled back. Run it again (npx gatehouse rerun ${state.id}) or withdraw it (npx gatehouse withdraw ${state.id}).`,
        );
      return command.wait && (state.status === "failed" || summary.run?.status === "failed") ? 1 : 0;
    }
    case "verify": {
      const verification = parseAnswer(
        verificationSchema,
        await client.send("POST", path(command.requestId, "/verify")),
      );
      out.result(verification);
      if (!verification.healthy)
        out.tell(`broken at ${verification.brokenHop ?? "?"}: ${verification.reason ?? "see the hops"}`);
      return verification.healthy ? 0 : 1;
    }
    case "migrate": {
      out.result(await client.send("POST", path(command.requestId, "/migrate")));
      out.tell(
        `Migration of ${command.requestId} to the hub's V2 link asked. A platform admin approves it: npx gatehouse approve ${command.requestId}`,
      );
      return 0;
    }
    case "teardown": {
      out.result(await client.send("POST", path(command.requestId, "/decommission")));
      out.tell(
        `Decommission of ${command.requestId} asked. A platform admin approves it: npx gatehouse approve ${command.requestId}`,
      );
      return 0;
    }
    case "withdraw": {
      out.result(await client.send("POST", path(command.requestId, "/withdraw")));
      out.tell(`${command.requestId} is withdrawn.`);
      return 0;
    }
    case "rerun": {
      out.result(await client.send("POST", path(command.requestId, "/rerun")));
      out.tell(`${command.requestId} runs again. Follow the run: npx gatehouse status ${command.requestId} --wait`);
      return 0;
    }
    case "consumers": {
      const listPath = path(command.requestId, "/consumer-endpoints");
      const current = parseAnswer(consumerEndpointsSchema, await client.get(listPath));
      let answer: unknown = current;
      if (command.decision) {
        // The change waiting now is the one decided; the portal refuses the proposer's own approval (403).
        const pending = current.pendingChange;
        if (!pending) throw new CliError(`No consumer-endpoint change of ${command.requestId} waits for a decision.`);
        answer = await client.send("POST", `${listPath}/changes/${encodeURIComponent(pending.id)}`, {
          decision: command.decision,
        });
        out.tell(`The change proposed by ${pending.proposedBy.label} is ${command.decision}.`);
      } else {
        const next = nextConsumerList(current.vpcEndpointIds, command);
        if (next) answer = await client.send("PUT", listPath, { vpcEndpointIds: next });
      }
      out.result(answer);
      for (const line of describeConsumerEndpoints(parseAnswer(consumerEndpointsSchema, answer), command.requestId))
        out.tell(line);
      return 0;
    }
  }
}
