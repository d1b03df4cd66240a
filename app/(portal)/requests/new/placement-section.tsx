import { DraftField } from "./draft-field";
import { hubFor, hubRegionsOf } from "./request-draft";
import type { DraftForm } from "./use-draft-form";
import type { WizardOptions } from "@/lib/requests/wizard-options";

// Team, account (scenario A), region and, where a region has several, the platform hub.

export function PlacementSection({ form, options }: { form: DraftForm; options: WizardOptions }) {
  const { draft, update } = form;
  const hubRegions = hubRegionsOf(options);
  const team = options.teams.find((candidate) => candidate.id === draft.teamId);
  const account = team?.accounts.find((candidate) => candidate.accountId === draft.accountId);
  // An account's regions without a hub stay listed, so the requester learns why they cannot be used.
  const regions = draft.scenario === "cross_account_nlb" ? (account?.regions ?? []) : hubRegions;
  const hubsInRegion = options.hubs.filter((hub) => hub.region === draft.region);
  return (
    <>
      <DraftField form={form} field="teamId" label="Team">
        {(props) => (
          <select
            {...props}
            onChange={(event) => update({ teamId: event.target.value, accountId: "", loadBalancerArn: "" })}
          >
            <option value="">Choose a team</option>
            {options.teams.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        )}
      </DraftField>

      {draft.scenario === "cross_account_nlb" ? (
        <DraftField form={form} field="accountId" label="Account" hint="Your team's verified application accounts.">
          {(props) => (
            <select
              {...props}
              onChange={(event) => update({ accountId: event.target.value, loadBalancerArn: "", port: "" })}
            >
              <option value="">Choose an account</option>
              {(team?.accounts ?? []).map((candidate) => (
                <option key={candidate.accountId} value={candidate.accountId}>
                  {candidate.alias} ({candidate.accountId})
                </option>
              ))}
            </select>
          )}
        </DraftField>
      ) : null}

      <DraftField form={form} field="region" label="Region" hint="Requests go through a platform hub in the region.">
        {(props) => (
          <select
            {...props}
            onChange={(event) => update({ ...hubFor(event.target.value), loadBalancerArn: "", port: "" })}
          >
            <option value="">Choose a region</option>
            {regions.map((region) => (
              <option key={region} value={region}>
                {hubRegions.includes(region) ? region : `${region} (no hub)`}
              </option>
            ))}
          </select>
        )}
      </DraftField>

      {hubsInRegion.length > 1 ? (
        <DraftField
          form={form}
          field="hubId"
          label="Platform hub"
          hint={`${hubsInRegion.length} hubs serve ${draft.region}. Gatehouse places the exposure on the one with the most headroom unless you name one; the plan says which and why.`}
        >
          {(props) => (
            <select {...props}>
              <option value="">Placed by Gatehouse (most headroom)</option>
              {hubsInRegion.map((hub) => (
                <option key={hub.id} value={hub.id} disabled={hub.drained}>
                  {hub.label}, link mode {hub.linkMode.toUpperCase()}
                  {hub.drained ? " (drained)" : ""}
                </option>
              ))}
            </select>
          )}
        </DraftField>
      ) : null}
    </>
  );
}
