import { z } from "zod";

// What `npx gatehouse consumers` tells the person about an exposure's consumer endpoints: the list in force and how
// far it is applied, and a change that waits for a second platform admin (four-eyes for endpoints outside the
// organisation), with the command that decides it.

export const consumerEndpointsSchema = z
  .object({
    vpcEndpointIds: z.array(z.string()),
    revision: z.number(),
    inSync: z.boolean(),
    lastError: z.object({ message: z.string(), fix: z.string() }).loose().nullable(),
    pendingChange: z
      .object({
        id: z.string(),
        vpcEndpointIds: z.array(z.string()),
        unregisteredEndpointIds: z.array(z.string()),
        proposedBy: z.object({ label: z.string() }).loose(),
      })
      .loose()
      .nullable(),
  })
  .loose();

export type ConsumerEndpointsState = z.infer<typeof consumerEndpointsSchema>;

const listed = (ids: readonly string[]) => (ids.length === 0 ? "none" : ids.join(", "));

/** The lines for stderr: the list in force and its state, then the pending change if one waits. */
export function describeConsumerEndpoints(state: ConsumerEndpointsState, requestId: string): string[] {
  const { vpcEndpointIds, revision, inSync, lastError, pendingChange } = state;
  const lines = [
    inSync
      ? `Live: revision ${revision} is applied. Consumer endpoints: ${listed(vpcEndpointIds)}.`
      : lastError
        ? `Failed to apply revision ${revision}: ${lastError.message} Fix: ${lastError.fix} Then: npx gatehouse consumers ${requestId} --apply`
        : `Applying revision ${revision} (consumer endpoints: ${listed(vpcEndpointIds)}); run the command again to see when it is live.`,
  ];
  if (pendingChange) {
    lines.push(
      `Pending approval: ${pendingChange.proposedBy.label} proposed the list ${listed(pendingChange.vpcEndpointIds)}; ` +
        `no registered account owns ${listed(pendingChange.unregisteredEndpointIds)}, so nothing changes until another ` +
        `platform admin runs: npx gatehouse consumers ${requestId} --approve (or --reject)`,
    );
  }
  return lines;
}
