import { z } from "zod";

// What a token may do, on top of what its user may do: a request passes only if the user's roles allow it AND the
// token carries the scope of the route.

export const tokenScopes = [
  "requests:read",
  "requests:write",
  "approvals:read",
  "approvals:write",
  "accounts:read",
  "accounts:write",
  "runs:read",
  "catalog:read",
] as const;

export type TokenScope = (typeof tokenScopes)[number];

export const tokenScopeDescriptions: Record<TokenScope, string> = {
  "requests:read": "List and read exposure requests",
  "requests:write": "Submit and withdraw requests",
  "approvals:read": "Read the approval queue (admins)",
  "approvals:write": "Approve or reject requests (admins)",
  "accounts:read": "List and read AWS accounts",
  "accounts:write": "Register and change AWS accounts (admins)",
  "runs:read": "Read provisioning runs and their steps",
  "catalog:read": "Read the API catalog (the Backstage export)",
};

export const tokenScopeSchema = z.enum(tokenScopes, "validation.tokens.unknownScope");
