import { z } from "zod";
import { mapGroupId, type MapGroupSide } from "./aggregate-platform";
import type { Prisma } from "@/lib/generated/prisma/client";

// GET /api/topology's query: a request's chain (`requestId`), the platform map (no parameters: whole when small, an
// aggregate per hub and application side when large) or the detail of some of its groups (`view=detail&group=…`,
// repeated). Detail is bounded to a few groups, so zooming in never asks for the whole map again.

export const maxDetailGroups = 6;

const groupIdSchema = z
  .string()
  .max(300)
  .transform((id, context) => {
    const [hubId = "", kind, ...rest] = id.split("/");
    const value = rest.join("/");
    const side: MapGroupSide | undefined =
      kind === "account" ? { kind, accountId: value } : kind === "network" ? { kind, name: value } : undefined;
    if (!hubId || !value || !side) {
      context.addIssue({ code: "custom", message: "A group is <hub>/account/<account ID> or <hub>/network/<name>." });
      return z.NEVER;
    }
    return { id: mapGroupId(hubId, side), hubId, side };
  });

export const topologyQuerySchema = z
  .object({
    requestId: z.string().min(1).max(64).optional(),
    view: z.enum(["map", "detail"]).default("map"),
    group: z.array(groupIdSchema).max(maxDetailGroups).default([]),
  })
  .refine((query) => query.view !== "detail" || query.group.length > 0, {
    path: ["group"],
    message: "The detail view names at least one group.",
  });

export type TopologyQuery = z.infer<typeof topologyQuerySchema>;
export type DetailGroup = TopologyQuery["group"][number];

/** The query as the schema takes it: `group` may repeat. */
export function rawTopologyQuery(url: URL): Record<string, unknown> {
  const { searchParams } = url;
  return {
    requestId: searchParams.get("requestId") ?? undefined,
    view: searchParams.get("view") ?? undefined,
    group: searchParams.getAll("group"),
  };
}

/** The exposures of some groups, as a query condition (within the viewer's scope, which the loader adds). */
export function detailGroupsWhere(groups: readonly DetailGroup[]): Prisma.ExposureRequestWhereInput {
  return {
    OR: groups.map(({ hubId, side }) =>
      side.kind === "account"
        ? { hubId, scenario: "cross_account_nlb" as const, sourceAccountId: side.accountId }
        : { hubId, scenario: "remote_network" as const, remoteNetworkName: side.name },
    ),
  };
}
