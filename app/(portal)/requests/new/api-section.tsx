import { useTranslations } from "next-intl";
import { DraftField } from "./draft-field";
import type { DraftForm } from "./use-draft-form";
import type { DiscoveredLoadBalancer } from "@/lib/requests/wizard-options";

// The port (a chosen NLB's listeners, else typed), the API's name, stage and options, and why.

export function ApiSection({ form, chosen }: { form: DraftForm; chosen?: DiscoveredLoadBalancer }) {
  const t = useTranslations("wizard.fields");
  return (
    <>
      <DraftField
        form={form}
        name="port"
        label={form.draft.scenario === "cross_account_nlb" ? t("listenerPort") : t("port")}
      >
        {(props) =>
          chosen ? (
            <select {...props}>
              {chosen.listeners.map((listener) => (
                <option key={listener.port} value={String(listener.port)}>
                  {listener.protocol} {listener.port}
                </option>
              ))}
            </select>
          ) : (
            <input type="text" inputMode="numeric" {...props} />
          )
        }
      </DraftField>
      <DraftField form={form} name="apiName" label={t("apiName")} hint={t("apiNameHint")} />
      <DraftField form={form} name="stageName" label={t("stageName")} />
      <DraftField form={form} name="basePath" label={t("basePath")} hint={t("basePathHint")} />
      <DraftField form={form} name="corsAllowOrigins" label={t("corsAllowOrigins")} hint={t("corsAllowOriginsHint")} />
      <DraftField form={form} name="justification" label={t("justification")} hint={t("justificationHint")}>
        {(props) => <textarea rows={3} {...props} />}
      </DraftField>
    </>
  );
}
