import { consoleUrl, type ConsoleTarget } from "./console-links";
import type { ExposureFacts } from "./exposure-facts";
import type { GraphBuilder } from "./graph-builder";
import { hopState, type HopSource } from "./hop-state";
import { nodeKindLabels, type EdgeStyle, type Identifier, type NodeKind, type Placement } from "./model";
import type { RecordedOutputs, StepId } from "@/lib/provisioning/hops/registry";

// What every step of drawing one exposure shares: the builder, the exposure's facts, the platform account and hub VPC
// groups, and node and edge factories that give each element its hop state.

export type NodeSpec = HopSource & {
  id: string;
  kind: NodeKind;
  groupId: string;
  label?: string;
  accountId: string;
  identifiers?: (Identifier | undefined)[];
  placements?: Placement[];
  console?: ConsoleTarget;
};

export type EdgeSpec = HopSource & { source: string; target: string; label: string; style?: EdgeStyle };

export const id = (label: string, value: unknown): Identifier | undefined =>
  typeof value === "string" && value
    ? { label, value }
    : Array.isArray(value) && value.length > 0
      ? { label, value: value.join(", ") }
      : undefined;

export type ExposureDrawing = {
  builder: GraphBuilder;
  facts: ExposureFacts;
  /** What a step recorded, named as its hop declares it (the facts are JSON: the caller checks the value's type). */
  output: <S extends StepId>(step: S, key: keyof NonNullable<RecordedOutputs[S]> & string) => unknown;
  node: (spec: NodeSpec) => string;
  edge: (spec: EdgeSpec) => void;
  platform: string;
  hubVpc: string;
  /** Prefix of the IDs of nodes that belong to this exposure alone. */
  prefix: string;
  tcp: string;
};

export function startDrawing(builder: GraphBuilder, facts: ExposureFacts): ExposureDrawing {
  const { request, hub } = facts;
  const { region } = hub;
  const output: ExposureDrawing["output"] = (step, key) =>
    facts.steps.find((candidate) => candidate.stepId === step)?.outputs[key];
  const node = (spec: NodeSpec) => {
    const { state, reason, lastVerifiedAt } = hopState(facts, spec);
    return builder.node({
      id: spec.id,
      kind: spec.kind,
      label: spec.label ?? nodeKindLabels[spec.kind],
      groupId: spec.groupId,
      state,
      reason,
      lastVerifiedAt,
      identifiers: (spec.identifiers ?? []).filter((identifier) => identifier !== undefined),
      ...(spec.placements?.length ? { placements: spec.placements } : {}),
      accountId: spec.accountId,
      region,
      createdBy: spec.steps[0],
      consoleUrl: spec.console && consoleUrl(region, spec.console),
      requestIds: [request.id],
    });
  };
  const edge = (spec: EdgeSpec) => {
    const { state, reason, lastVerifiedAt } = hopState(facts, spec);
    builder.edge({
      source: spec.source,
      target: spec.target,
      label: spec.label,
      hop: spec.steps[0] ?? spec.checkedHops?.[0],
      style: spec.style ?? "direct",
      state,
      reason,
      lastVerifiedAt,
      requestIds: [request.id],
    });
  };

  const platform = builder.group({
    id: `account:${hub.accountId}`,
    kind: "account",
    label: `Platform account ${hub.accountAlias} (${hub.accountId})`,
    identifiers: [{ label: "Region", value: region }],
  });
  const hubVpc = builder.group({
    id: `vpc:${hub.vpcId}`,
    kind: "vpc",
    label: `Hub VPC ${hub.vpcId}`,
    parentId: platform,
    identifiers: [{ label: "Subnets", value: hub.subnetIds.join(", ") }],
  });
  return {
    builder,
    facts,
    output,
    node,
    edge,
    platform,
    hubVpc,
    prefix: `request:${request.id}`,
    tcp: `TCP ${request.port}`,
  };
}
