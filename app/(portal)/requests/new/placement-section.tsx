import { useTranslations } from "next-intl";
import { DraftField } from "./draft-field";
import { hubFor, hubRegionsOf } from "./request-draft";
import type { DraftForm } from "./use-draft-form";
import type { WizardOptions } from "@/lib/requests/wizard-options";

// Team, account (scenario A), region and, where a region has several, the platform hub.

export function PlacementSection({ form, options }: { form: DraftForm; options: WizardOptions }) {
  const t = useTranslations("wizard.placement");
  const { draft, update } = form;
  const hubRegions = hubRegionsOf(options);
  const team = options.teams.find((candidate) => candidate.id === draft.teamId);
  const account = team?.accounts.find((candidate) => candidate.accountId === draft.accountId);
  // An account's regions without a hub stay listed, so the requester learns why they cannot be used.
  const regions = draft.scenario === "cross_account_nlb" ? (account?.regions ?? []) : hubRegions;
  const hubsInRegion = options.hubs.filter((hub) => hub.region === draft.region);
  return (
    <>
      <DraftField form={form} name="teamId" label={t("team")}>
        {(props) => (
          <select
            {...props}
            onChange={(event) => update({ teamId: event.target.value, accountId: "", loadBalancerArn: "" })}
          >
            <option value="">{t("chooseTeam")}</option>
            {options.teams.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        )}
      </DraftField>

      {draft.scenario === "cross_account_nlb" ? (
        <DraftField form={form} name="accountId" label={t("account")} hint={t("accountHint")}>
          {(props) => (
            <select
              {...props}
              onChange={(event) => update({ accountId: event.target.value, loadBalancerArn: "", port: "" })}
            >
              <option value="">{t("chooseAccount")}</option>
              {(team?.accounts ?? []).map((candidate) => (
                <option key={candidate.accountId} value={candidate.accountId}>
                  {candidate.alias} ({candidate.accountId})
                </option>
              ))}
            </select>
          )}
        </DraftField>
      ) : null}

      <DraftField form={form} name="region" label={t("region")} hint={t("regionHint")}>
        {(props) => (
          <select
            {...props}
            onChange={(event) => update({ ...hubFor(event.target.value), loadBalancerArn: "", port: "" })}
          >
            <option value="">{t("chooseRegion")}</option>
            {regions.map((region) => (
              <option key={region} value={region}>
                {hubRegions.includes(region) ? region : t("regionWithoutHub", { where: region })}
              </option>
            ))}
          </select>
        )}
      </DraftField>

      {hubsInRegion.length > 1 ? (
        <DraftField
          form={form}
          name="hubId"
          label={t("hub")}
          hint={t("hubHint", { count: hubsInRegion.length, where: draft.region })}
        >
          {(props) => (
            <select {...props}>
              <option value="">{t("placedByGatehouse")}</option>
              {hubsInRegion.map((hub) => (
                <option key={hub.id} value={hub.id} disabled={hub.drained}>
                  {t(hub.drained ? "hubOptionDrained" : "hubOption", {
                    name: hub.label,
                    linkMode: hub.linkMode.toUpperCase(),
                  })}
                </option>
              ))}
            </select>
          )}
        </DraftField>
      ) : null}
    </>
  );
}
