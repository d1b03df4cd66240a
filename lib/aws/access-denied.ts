// AWS's answers when the caller may not do something: a role missing the action (each service names it its own way),
// or credentials AWS does not accept.
const accessDeniedNames = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "UnauthorizedOperation",
  "UnrecognizedClientException",
  "AuthFailure",
]);

/** AWS refused the call for lack of permission: the fix is on the role, not a retry. */
export function isAccessDenied(error: unknown): boolean {
  return error instanceof Error && accessDeniedNames.has(error.name);
}
