import { consoleUrl, type ConsoleTarget } from "./console-links";
import type { ExposureFacts } from "./exposure-facts";
import type { GraphBuilder } from "./graph-builder";
import { hopState, type HopSource } from "./hop-state";
import type { EdgeStyle, Identifier, NodeKind, Placement } from "./model";
import type { Words } from "./topology-words";
import type { Messages } from "@/lib/i18n/catalogues";
import type { MessageKey, MessageValues } from "@/lib/i18n/translatable";
import type { RecordedOutputs, StepId } from "@/lib/provisioning/hops/registry";

// What every step of drawing one exposure shares: the builder, the exposure's facts, the platform account and hub VPC
// groups, node and edge factories that give each element its hop state, and the reader's words.

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

/** An identifier when the value is known: its label in the reader's words, the value as AWS knows it. */
export const identifier = (label: string, value: unknown): Identifier | undefined =>
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
  /** A catalogue message in the reader's language. */
  say: (key: MessageKey, values?: MessageValues) => string;
  /** An identifier labelled by `topology.identifier.<label>`. */
  id: (label: IdentifierLabel, value: unknown) => Identifier | undefined;
};

export type IdentifierLabel = keyof Messages["topology"]["identifier"];

export function startDrawing(builder: GraphBuilder, facts: ExposureFacts, words: Words): ExposureDrawing {
  const { request, hub } = facts;
  const { region } = hub;
  const say = (key: MessageKey, values?: MessageValues) => words({ key, values });
  const id = (label: IdentifierLabel, value: unknown) => identifier(say(`topology.identifier.${label}`), value);
  const output: ExposureDrawing["output"] = (step, key) =>
    facts.steps.find((candidate) => candidate.stepId === step)?.outputs[key];
  const node = (spec: NodeSpec) => {
    const { state, reason, lastVerifiedAt } = hopState(facts, spec, words);
    return builder.node({
      id: spec.id,
      kind: spec.kind,
      label: spec.label ?? say(`topology.kind.${spec.kind}`),
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
    const { state, reason, lastVerifiedAt } = hopState(facts, spec, words);
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
    label: say("topology.group.platformAccount", { alias: hub.accountAlias, accountId: hub.accountId }),
    identifiers: [{ label: say("topology.identifier.region"), value: region }],
  });
  const hubVpc = builder.group({
    id: `vpc:${hub.vpcId}`,
    kind: "vpc",
    label: say("topology.group.hubVpc", { vpcId: hub.vpcId }),
    parentId: platform,
    identifiers: [{ label: say("topology.identifier.subnets"), value: hub.subnetIds.join(", ") }],
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
    say,
    id,
  };
}
