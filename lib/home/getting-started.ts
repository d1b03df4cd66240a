// The getting-started checklist a platform admin sees on a fresh install: verify the accounts, save a hub, see a
// first request through. Each step ticks itself off from the real state and links to where it is done; the checklist
// goes away once every step is done.

export type SetupFacts = { accounts: number; verifiedAccounts: number; hubs: number; requests: number };
export type SetupStep = {
  id: "accounts" | "hub" | "request";
  title: string;
  detail: string;
  href: string;
  done: boolean;
};

export function gettingStartedSteps(facts: SetupFacts): SetupStep[] {
  const unverified = facts.accounts - facts.verifiedAccounts;
  return [
    {
      id: "accounts",
      title: "Verify the AWS accounts",
      detail:
        facts.accounts === 0
          ? "Register the platform account and an application account, then verify their roles."
          : unverified > 0
            ? `${unverified} of ${facts.accounts} registered accounts not verified yet.`
            : `All ${facts.accounts} registered accounts verified.`,
      href: "/accounts",
      done: facts.accounts > 0 && unverified === 0,
    },
    {
      id: "hub",
      title: "Save a hub",
      detail:
        facts.hubs > 0
          ? `${facts.hubs} hub${facts.hubs === 1 ? "" : "s"} saved.`
          : "Choose the platform account's VPC, subnets and execute-api endpoint that every exposure goes through.",
      href: "/accounts/hub",
      done: facts.hubs > 0,
    },
    {
      id: "request",
      title: "See a first request through",
      detail:
        facts.requests > 0
          ? "A team has asked for an exposure."
          : "A requester asks for an exposure; another admin approves its plan.",
      href: "/requests",
      done: facts.requests > 0,
    },
  ];
}

/** Whether the checklist still has something to do. */
export function setupUnfinished(steps: readonly SetupStep[]): boolean {
  return steps.some((step) => !step.done);
}
