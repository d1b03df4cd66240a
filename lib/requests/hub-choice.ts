import { AppError } from "@/lib/errors";

// Which platform hub a request goes through. A region may have several hubs (one per platform account): the requester
// then chooses one, and the server accepts only a hub that serves the request's region. With one hub the choice is
// implicit, so API and CLI callers need not name it; with none the message says what to ask the platform team.

export type HubCandidate = { id: string; region: string; account: { alias: string; accountId: string } };

export const hubLabel = (hub: HubCandidate) => `${hub.account.alias} (${hub.account.accountId})`;

export function noHubMessage(region: string): string {
  return `No platform hub serves ${region}: choose another region, or ask the platform team to configure a hub in ${region} (Accounts → Configure the platform hub).`;
}

function invalid(field: string, message: string): AppError {
  return new AppError("VALIDATION_FAILED", message, { fieldErrors: { [field]: [message] } });
}

export function chooseHub<Hub extends HubCandidate>(hubs: readonly Hub[], region: string, hubId?: string): Hub {
  const inRegion = hubs.filter((hub) => hub.region === region);
  if (hubId) {
    const chosen = inRegion.find((hub) => hub.id === hubId);
    if (!chosen) throw invalid("hubId", `Choose one of the hubs that serve ${region}.`);
    return chosen;
  }
  const [only, ...others] = inRegion;
  if (!only) throw invalid("region", noHubMessage(region));
  if (others.length > 0)
    throw invalid(
      "hubId",
      `${inRegion.length} hubs serve ${region}; choose one: ${inRegion.map(hubLabel).join(", ")}.`,
    );
  return only;
}
