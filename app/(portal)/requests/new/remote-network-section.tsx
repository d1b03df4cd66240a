import { DraftField } from "./draft-field";
import type { DraftForm } from "./use-draft-form";

// Scenario B: the network's name and the IPs the hub routes to.

export function RemoteNetworkSection({ form }: { form: DraftForm }) {
  return (
    <>
      <DraftField
        form={form}
        field="remoteNetworkName"
        label="Network name"
        hint="How your network is known, for example datacenter-frankfurt."
      />
      <DraftField
        form={form}
        field="remoteIps"
        label="IP addresses"
        hint="Up to 16 private IPv4 addresses, separated by commas or spaces."
      />
    </>
  );
}
