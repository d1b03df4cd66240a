import autocannon from "autocannon";
import type { LoadOrg, LoadUser } from "./load-org";

// One autocannon run per route: every connection is one signed-in user (its own session cookie) spread round-robin
// over the web processes. Latency is taken from every response (autocannon's own summary has no p95).

export type SignedInUser = LoadUser & { cookie: string };

export type RouteLoad = {
  name: string;
  /** Who opens it: the approval queue is the platform admins' page. */
  who: "everyone" | "admins";
  /** The path for this user's n-th request. */
  path(user: SignedInUser, n: number, org: LoadOrg): string;
};

export type RouteFigures = {
  route: string;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
};

function requestsOf(user: SignedInUser, org: LoadOrg): string[] {
  if (user.role === "requester") return org.requestsByTeam.get(user.teamSlug) ?? [];
  return [...org.requestsByTeam.values()].flat();
}

export const routes: RouteLoad[] = [
  { name: "/", who: "everyone", path: () => "/" },
  { name: "/requests", who: "everyone", path: () => "/requests" },
  {
    name: "/requests/<id>",
    who: "everyone",
    path: (user, n, org) => {
      const ids = requestsOf(user, org);
      return `/requests/${ids[n % ids.length] ?? "none"}`;
    },
  },
  { name: "/approvals", who: "admins", path: () => "/approvals" },
  { name: "/api/topology", who: "everyone", path: () => "/api/topology" },
  { name: "/topology", who: "everyone", path: () => "/topology" },
];

const percentile = (sorted: number[], quantile: number) =>
  Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * quantile))] ?? Number.NaN);

export async function loadRoute(
  route: RouteLoad,
  options: { baseUrls: string[]; users: SignedInUser[]; org: LoadOrg; connections: number; duration: number },
): Promise<RouteFigures> {
  const users = options.users.filter((user) => route.who === "everyone" || user.role === "admin");
  let nextUser = 0;
  const run = (settings: { duration?: number; amount?: number; connections: number }) => {
    const latencies: number[] = [];
    const instance = autocannon({
      url: options.baseUrls,
      ...settings,
      timeout: 30,
      requests: [
        {
          method: "GET",
          setupRequest: (request, context) => {
            // A connection is one user for the whole run; its n-th request opens its n-th path.
            context.user ??= users[nextUser++ % users.length];
            const user = context.user as SignedInUser;
            const n = ((context.n as number | undefined) ?? -1) + 1;
            context.n = n;
            return { ...request, path: route.path(user, n, options.org), headers: { cookie: user.cookie } };
          },
        },
      ],
    });
    instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
    return { instance, latencies };
  };
  // A warm-up per route: the first requests of a fresh process load and optimise its code.
  await run({ amount: options.connections, connections: options.connections }).instance;
  const { instance, latencies } = run({ duration: options.duration, connections: options.connections });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    route: route.name,
    requests: result.requests.total,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
