import type { Translatable } from "@/lib/i18n/translatable";

// The getting-started checklist a platform admin sees on a fresh install: verify the accounts, save a hub, see a
// first request through. Each step ticks itself off from the real state and links to where it is done; the checklist
// goes away once every step is done.

export type SetupFacts = { accounts: number; verifiedAccounts: number; hubs: number; requests: number };
export type SetupStep = {
  id: "accounts" | "hub" | "request";
  /** What the step stands at, as a catalogue message (the title is `home.steps.<id>.title`). */
  detail: Translatable;
  href: string;
  done: boolean;
};

export function gettingStartedSteps(facts: SetupFacts): SetupStep[] {
  const unverified = facts.accounts - facts.verifiedAccounts;
  return [
    {
      id: "accounts",
      detail:
        facts.accounts === 0
          ? { key: "home.steps.accounts.none" }
          : unverified > 0
            ? { key: "home.steps.accounts.unverified", values: { unverified, total: facts.accounts } }
            : { key: "home.steps.accounts.allVerified", values: { total: facts.accounts } },
      href: "/accounts",
      done: facts.accounts > 0 && unverified === 0,
    },
    {
      id: "hub",
      detail:
        facts.hubs > 0
          ? { key: "home.steps.hub.saved", values: { count: facts.hubs } }
          : { key: "home.steps.hub.none" },
      href: "/accounts/hub",
      done: facts.hubs > 0,
    },
    {
      id: "request",
      detail: facts.requests > 0 ? { key: "home.steps.request.done" } : { key: "home.steps.request.none" },
      href: "/requests",
      done: facts.requests > 0,
    },
  ];
}

/** Whether the checklist still has something to do. */
export function setupUnfinished(steps: readonly SetupStep[]): boolean {
  return steps.some((step) => !step.done);
}
