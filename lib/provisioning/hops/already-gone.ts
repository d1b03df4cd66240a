// Teardown treats "already gone" as success: a crash between AWS's answer and our write, or a second teardown, finds
// nothing left to delete.

/** True when AWS answered with one of `names`, each service's own way of saying the resource does not exist. */
export const isGone = (error: Error, ...names: string[]) => names.includes(error.name);
