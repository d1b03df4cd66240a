import type { StepContext, StepOutcome, StepOutputs } from "../engine/step-runtime";
import type { Exposure, ExposureSource, Hub } from "../plan/exposure";

// A hop of the link chain (DESIGN §3), all in one file: the account it acts in, the AWS calls it makes, where it sits
// in a chain, its code, what it records and what deletes it again. The plan and the engine read hops from the registry.

/** The inputs an approver reads in the plan. */
export type HopInputs = Record<string, string | number | string[]>;

/** Where a hop sits in one exposure's chain: the hops it waits for and the inputs the approver sees. */
export type HopPlacement = { dependsOn: readonly Hop[]; inputs?: HopInputs };

export type Hop<Id extends string = string, Outputs extends StepOutputs = StepOutputs> = {
  id: Id;
  account: "application" | "platform";
  /** The AWS calls the hop makes, in order, as an approver reads them. */
  calls: string[];
  /** What the hop leaves behind in AWS, if anything. */
  creates?: string;
  /** Where the hop sits in this exposure's chain; undefined when the chain has no such hop (scenario B has no PrivateLink). */
  place(exposure: Exposure, hub: Hub): HopPlacement | undefined;
  /** Idempotent: run again after a crash at any point, it finds what it created instead of creating it twice. */
  run(context: StepContext): Promise<StepOutcome<Outputs>>;
  /** The teardown hop that deletes what this one creates. */
  teardown?: TeardownHop;
  /** A retry of this failed hop starts again from that one (a wait that found its resource in a state it never leaves). */
  retryFrom?: Hop;
};

/**
 * Rollback and decommission take the chain down in reverse: nothing is deleted while something in front of it still
 * uses it. Teardown finds what the request created by tag or deterministic name; already gone is success.
 */
export type TeardownHop<Id extends string = string> = {
  id: Id;
  /** The teardown hops to finish first; undefined when this chain has nothing of the kind to delete. */
  place(scenario: ExposureSource["kind"], linkMode: Hub["linkMode"]): { dependsOn: readonly TeardownHop[] } | undefined;
  run(context: StepContext): Promise<StepOutcome>;
};

/** The runs that move an active chain's integrations to another link: a migration V1 → V2, or a repair. */
export type RelinkKind = "migrate" | "repair";

/**
 * A hop of a run that changes an active chain in place (DESIGN §3's integrations, not its resources): it reads the
 * chain's resources from `context.chain` and acts in the platform account.
 */
export type RelinkHop<Id extends string = string, Outputs extends StepOutputs = StepOutputs> = {
  id: Id;
  /** The AWS calls the hop makes, in order, as an approver reads them. */
  calls: string[];
  /** Where the hop sits in a run of this kind; undefined when that kind has no such hop. */
  place(kind: RelinkKind): { dependsOn: readonly RelinkHop[] } | undefined;
  run(context: StepContext): Promise<StepOutcome<Outputs>>;
};
