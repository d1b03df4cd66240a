import { isGone } from "./already-gone";

// ELBv2 teardown: the NLB and the target group are found by their deterministic names, deleted, and waited for while
// something in front of them still holds them.

type DeleteByName = {
  /** The resource's ARN by its name (undefined when AWS lists nothing). */
  find(): Promise<string | undefined>;
  /** The errors in which this service says nothing has the name. */
  notFound: string[];
  remove(arn: string): Promise<unknown>;
};

/** "gone" when there was nothing to delete, "deleted", or the in-use error's message when it must wait. */
export async function deleteByName({
  find,
  notFound,
  remove,
}: DeleteByName): Promise<"gone" | "deleted" | { inUse: string }> {
  const arn = await find().catch((error: Error) => {
    if (isGone(error, ...notFound)) return undefined;
    throw error;
  });
  if (!arn) return "gone";
  try {
    await remove(arn);
  } catch (error) {
    if (error instanceof Error && isGone(error, "ResourceInUse", "ResourceInUseException"))
      return { inUse: error.message };
    throw error;
  }
  return "deleted";
}
