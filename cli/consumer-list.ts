// The list the consumers command PUTs: --set replaces it ("" empties it), --add/--remove edit the current one, and
// --apply alone sends the current list again so the worker re-applies it. The portal validates every ID.

export type ConsumerEdit = {
  add: readonly string[];
  remove: readonly string[];
  set?: readonly string[];
  apply: boolean;
};

/** The list to send, or undefined when the command only reads. */
export function nextConsumerList(current: readonly string[], edit: ConsumerEdit): string[] | undefined {
  if (edit.set) return [...new Set(edit.set.map((id) => id.trim()))];
  if (edit.add.length === 0 && edit.remove.length === 0) return edit.apply ? [...current] : undefined;
  const removed = new Set(edit.remove.map((id) => id.trim().toLowerCase()));
  const kept = current.filter((id) => !removed.has(id.toLowerCase()));
  return [...new Set([...kept, ...edit.add.map((id) => id.trim())])];
}
