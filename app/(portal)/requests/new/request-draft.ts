import { issuesByField } from "@/components/api-client";
import type { FieldErrors as FieldErrorMap } from "@/lib/errors";
import { requestInputSchema } from "@/lib/requests/request-schemas";
import type { WizardHub, WizardOptions } from "@/lib/requests/wizard-options";

// The wizard's draft as typed, and what the server would make of it: the request body, and the field errors of the
// server's own schema plus its hub rules.

export type Draft = {
  scenario: "cross_account_nlb" | "remote_network";
  teamId: string;
  accountId: string;
  region: string;
  hubId: string;
  loadBalancerArn: string;
  port: string;
  remoteNetworkName: string;
  remoteIps: string;
  apiName: string;
  stageName: string;
  basePath: string;
  corsAllowOrigins: string;
  justification: string;
};

const list = (text: string) => text.split(/[\s,]+/).filter(Boolean);

export function toInput(draft: Draft) {
  const common = {
    teamId: draft.teamId,
    region: draft.region,
    hubId: draft.hubId || undefined,
    port: draft.port,
    apiName: draft.apiName,
    stageName: draft.stageName,
    basePath: draft.basePath || undefined,
    corsAllowOrigins: list(draft.corsAllowOrigins),
    justification: draft.justification,
  };
  return draft.scenario === "cross_account_nlb"
    ? { scenario: draft.scenario, accountId: draft.accountId, loadBalancerArn: draft.loadBalancerArn, ...common }
    : {
        scenario: draft.scenario,
        remoteNetworkName: draft.remoteNetworkName,
        remoteIps: list(draft.remoteIps),
        ...common,
      };
}

/**
 * The schema's verdict plus the hub rule the server applies: a region without a hub, said by `noHub` in the page's
 * language. Gatehouse places the rest.
 */
export function validate(draft: Draft, hubs: readonly WizardHub[], noHub: (region: string) => string): FieldErrorMap {
  const parsed = requestInputSchema.safeParse(toInput(draft));
  const errors = parsed.success ? {} : issuesByField(parsed.error);
  const inRegion = hubs.filter((hub) => hub.region === draft.region);
  if (draft.region && inRegion.length === 0) errors.region = [noHub(draft.region)];
  return errors;
}

/** Hub fields for a newly chosen region: none named, so Gatehouse places the exposure (the plan says where). */
export function hubFor(region: string): Pick<Draft, "region" | "hubId"> {
  return { region, hubId: "" };
}

export const hubRegionsOf = (options: WizardOptions) => [...new Set(options.hubs.map((hub) => hub.region))];

/** A first draft: the only team, the only hub region, and stage prod are chosen already. */
export function initialDraft(options: WizardOptions): Draft {
  const hubRegions = hubRegionsOf(options);
  return {
    scenario: "cross_account_nlb",
    teamId: options.teams.length === 1 ? (options.teams[0]?.id ?? "") : "",
    accountId: "",
    ...hubFor(hubRegions.length === 1 ? (hubRegions[0] ?? "") : ""),
    loadBalancerArn: "",
    port: "",
    remoteNetworkName: "",
    remoteIps: "",
    apiName: "",
    stageName: "prod",
    basePath: "",
    corsAllowOrigins: "",
    justification: "",
  };
}
