import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeTagsCommand,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { hubLabel } from "./hub-choice";
import { accountAccessOf } from "@/lib/accounts/account-access";
import { requestableTeams, type CurrentUser } from "@/lib/auth/permissions";
import type { ClientFactory } from "@/lib/aws/client-factory";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

// What the wizard offers: the user's requestable teams with their verified application accounts, every platform hub
// (a region may have several, or none), and, read live through the account's role, the internal network load balancers to choose from.

/** A hub the requester may name; a drained one is listed but cannot be chosen. */
export type WizardHub = { id: string; region: string; label: string; linkMode: string; drained: boolean };

export type WizardOptions = {
  teams: { id: string; name: string; accounts: { accountId: string; alias: string; regions: string[] }[] }[];
  hubs: WizardHub[];
};

export async function wizardOptions(db: Db, user: CurrentUser): Promise<WizardOptions> {
  const teams = requestableTeams(user);
  const [accounts, hubs] = await Promise.all([
    db.awsAccount.findMany({
      where: { owningTeamId: { in: teams.map((team) => team.teamId) }, kind: "application", verifiedAt: { not: null } },
      orderBy: { alias: "asc" },
    }),
    db.platformHub.findMany({ include: { account: true }, orderBy: [{ region: "asc" }, { createdAt: "asc" }] }),
  ]);
  return {
    teams: teams.map((team) => ({
      id: team.teamId,
      name: team.teamName,
      accounts: accounts
        .filter((account) => account.owningTeamId === team.teamId)
        .map((account) => ({ accountId: account.accountId, alias: account.alias, regions: account.regions })),
    })),
    hubs: hubs.map((hub) => ({
      id: hub.id,
      region: hub.region,
      label: hubLabel(hub),
      linkMode: hub.linkMode,
      drained: hub.drainedAt !== null,
    })),
  };
}

export type DiscoveredLoadBalancer = {
  arn: string;
  name: string;
  dnsName: string;
  state: string;
  zones: string[];
  listeners: { port: number; protocol: string }[];
  kubernetesService?: string;
};

export async function discoverLoadBalancers(
  db: Db,
  clients: ClientFactory,
  user: CurrentUser,
  accountId: string,
  region: string,
): Promise<DiscoveredLoadBalancer[]> {
  const account = await db.awsAccount.findUnique({ where: { accountId } });
  if (!account || !requestableTeams(user).some((team) => team.teamId === account.owningTeamId))
    throw new AppError("FORBIDDEN", { key: "errors.requests.loadBalancersForbidden" });
  if (!account.verifiedAt)
    throw new AppError("CONFLICT", { key: "errors.requests.accountNotVerified", values: { account: account.alias } });
  const { elb } = clients.clientsFor(accountAccessOf(account, region), `wizard-${user.id}`);
  try {
    const { LoadBalancers = [] } = await elb.send(new DescribeLoadBalancersCommand({ PageSize: 400 }));
    const internal = LoadBalancers.filter(
      (balancer) => balancer.Type === "network" && balancer.Scheme === "internal" && balancer.LoadBalancerArn,
    );
    const arns = internal.map((balancer) => balancer.LoadBalancerArn ?? "");
    const tags = new Map<string, Record<string, string>>();
    for (let start = 0; start < arns.length; start += 20) {
      const { TagDescriptions = [] } = await elb.send(
        new DescribeTagsCommand({ ResourceArns: arns.slice(start, start + 20) }),
      );
      for (const description of TagDescriptions)
        tags.set(
          description.ResourceArn ?? "",
          Object.fromEntries((description.Tags ?? []).map((tag) => [tag.Key ?? "", tag.Value ?? ""])),
        );
    }
    return await Promise.all(
      internal.map(async (balancer) => {
        const arn = balancer.LoadBalancerArn ?? "";
        const { Listeners = [] } = await elb.send(new DescribeListenersCommand({ LoadBalancerArn: arn }));
        const service = tags.get(arn)?.["kubernetes.io/service-name"];
        return {
          arn,
          name: balancer.LoadBalancerName ?? arn,
          dnsName: balancer.DNSName ?? "",
          state: balancer.State?.Code ?? "unknown",
          zones: (balancer.AvailabilityZones ?? []).map((zone) => zone.ZoneName ?? "").sort(),
          listeners: Listeners.map((listener) => ({
            port: listener.Port ?? 0,
            protocol: listener.Protocol ?? "TCP",
          })).sort((left, right) => left.port - right.port),
          ...(service ? { kubernetesService: service } : {}),
        };
      }),
    );
  } catch (error) {
    const name = error instanceof Error ? error.name : "Error";
    throw new AppError(
      "UNAVAILABLE",
      { key: "errors.requests.loadBalancersUnreadable", values: { account: account.alias, error: name } },
      { cause: error },
    );
  }
}
