import { invalidField } from "./invalid-field";
import { exposureHeadroom, type LinkMode, type QuotaReading } from "@/lib/hubs/quotas/hub-quotas";

// Which platform hub a request goes through. A region may have several hubs (one per platform account, possibly in
// several accounts): Gatehouse places the exposure on the hub with the most headroom, read from AWS, unless an admin
// pinned the team to a hub or the requester named one. A drained hub takes no new exposure; a hub whose account
// could not be read is chosen only when no other hub is known to have room, and its dry run then says why. The reason travels with the plan, so requester and approver see it.

export type HubCandidate = { id: string; region: string; account: { alias: string; accountId: string } };

/** What placement knows of a hub: its state and its quotas as just read (or why they could not be). */
export type PlacementCandidate<Hub extends HubCandidate = HubCandidate> = {
  hub: Hub;
  linkMode: LinkMode;
  hasSharedLink: boolean;
  drained: boolean;
  quotas: { readings: QuotaReading[] } | { unreadable: string };
};

export type HubHeadroom = { hubId: string; label: string; headroom: number | null; note: string };

export type Placement<Hub extends HubCandidate> = {
  hub: Hub;
  /** Why this hub, in a sentence the plan shows. */
  reason: string;
  /** Every hub of the region with what it has left, the chosen one included. */
  hubs: HubHeadroom[];
};

export const hubLabel = (hub: HubCandidate) => `${hub.account.alias} (${hub.account.accountId})`;

export function headroomOf(candidate: PlacementCandidate): HubHeadroom {
  const base = { hubId: candidate.hub.id, label: hubLabel(candidate.hub) };
  if (candidate.drained) return { ...base, headroom: null, note: "drained: takes no new exposures" };
  if ("unreadable" in candidate.quotas)
    return { ...base, headroom: null, note: `quotas could not be read: ${candidate.quotas.unreadable}` };
  const { headroom, scarcest } = exposureHeadroom(
    candidate.quotas.readings,
    candidate.linkMode,
    candidate.hasSharedLink,
  );
  const limitedBy = scarcest ? ` (limited by ${scarcest.name}: ${scarcest.used} of ${scarcest.limit})` : "";
  return { ...base, headroom, note: `room for ${headroom} more exposure${headroom === 1 ? "" : "s"}${limitedBy}` };
}

/** The hubs that could take the exposure instead, most room first. */
export function hubsWithRoom(hubs: readonly HubHeadroom[], exceptHubId?: string): HubHeadroom[] {
  return hubs
    .filter((hub) => hub.hubId !== exceptHubId && (hub.headroom ?? 0) > 0)
    .sort((a, b) => (b.headroom ?? 0) - (a.headroom ?? 0) || a.label.localeCompare(b.label));
}

export function placeExposure<Hub extends HubCandidate>(input: {
  candidates: readonly PlacementCandidate<Hub>[];
  region: string;
  /** The hub the requester named, if any. */
  requestedHubId?: string;
  /** The hub an admin pinned the team to in this region, if any. */
  pinnedHubId?: string;
}): Placement<Hub> {
  const inRegion = input.candidates.filter((candidate) => candidate.hub.region === input.region);
  if (inRegion.length === 0)
    throw invalidField("region", "validation.requests.noHub", {
      key: "errors.requests.noHub",
      values: { region: input.region },
    });
  const hubs = inRegion.map(headroomOf);
  const pick = (hubId: string) => inRegion.find((candidate) => candidate.hub.id === hubId);

  if (input.requestedHubId) {
    const chosen = pick(input.requestedHubId);
    if (!chosen)
      throw invalidField("hubId", "validation.requests.hubInvalid", {
        key: "errors.requests.hubNotInRegion",
        values: { where: input.region },
      });
    if (chosen.drained)
      throw invalidField("hubId", "validation.requests.hubDrained", {
        key: "errors.requests.hubDrained",
        values: { name: hubLabel(chosen.hub) },
      });
    return { hub: chosen.hub, reason: `${hubLabel(chosen.hub)}, chosen by the requester.`, hubs };
  }
  const pinned = input.pinnedHubId ? pick(input.pinnedHubId) : undefined;
  if (pinned && !pinned.drained)
    return { hub: pinned.hub, reason: `${hubLabel(pinned.hub)}: an admin pinned the team to this hub.`, hubs };

  const [best] = hubsWithRoom(hubs);
  const chosen = best && pick(best.hubId);
  // No hub is known to have room, but one could not be read: place there and let the dry run read it again, so the
  // requester sees AWS's answer (a role missing servicequotas:Get*, say) as a check with its fix.
  const unread = inRegion.find((candidate) => !candidate.drained && "unreadable" in candidate.quotas);
  if ((!best || !chosen) && unread) {
    const note = headroomOf(unread).note;
    return {
      hub: unread.hub,
      reason: `${hubLabel(unread.hub)}: no hub of ${input.region} is known to have room; its ${note}.`,
      hubs,
    };
  }
  if (!best || !chosen) {
    const why = hubs.map((hub) => `${hub.label}: ${hub.note}`).join("; ");
    throw invalidField("hubId", "validation.requests.noRoom", {
      key: "errors.requests.noRoom",
      values: { where: input.region, why },
    });
  }
  const others = hubs.filter((hub) => hub.hubId !== best.hubId);
  const compared = others.length > 0 ? ` Others: ${others.map((hub) => `${hub.label} ${hub.note}`).join("; ")}.` : "";
  return {
    hub: chosen.hub,
    reason: `${best.label}: the most headroom in ${input.region}, ${best.note}.${compared}`,
    hubs,
  };
}
