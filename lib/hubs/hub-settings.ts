import type { ConfigureHub, LinkMode } from "./hub-schemas";

/** What configuring a hub sets besides where it is (account and region): its network and its link mode. */
export type HubSettings = Pick<ConfigureHub, "vpcId" | "subnetIds" | "securityGroupIds" | "executeApiEndpointId"> & {
  linkMode: LinkMode;
};

/** Only the settings of a hub (a saved row, or the form's input), without its ids or bookkeeping. */
export function hubSettingsOf(hub: HubSettings): HubSettings {
  return {
    vpcId: hub.vpcId,
    subnetIds: hub.subnetIds,
    securityGroupIds: hub.securityGroupIds,
    executeApiEndpointId: hub.executeApiEndpointId,
    linkMode: hub.linkMode,
  };
}
