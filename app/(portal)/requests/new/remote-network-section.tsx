import { useTranslations } from "next-intl";
import { DraftField } from "./draft-field";
import type { DraftForm } from "./use-draft-form";

// Scenario B: the network's name and the IPs the hub routes to.

export function RemoteNetworkSection({ form }: { form: DraftForm }) {
  const t = useTranslations("wizard.fields");
  return (
    <>
      <DraftField
        form={form}
        name="remoteNetworkName"
        label={t("remoteNetworkName")}
        hint={t("remoteNetworkNameHint")}
      />
      <DraftField form={form} name="remoteIps" label={t("remoteIps")} hint={t("remoteIpsHint")} />
    </>
  );
}
