import { randomBytes } from "node:crypto";

/**
 * A fresh ExternalId for one account: 144 random bits, so nobody can guess another account's value (confused-deputy
 * protection). Not a secret. Only characters STS accepts everywhere (`[\w-]`), 27 characters long.
 */
export function generateExternalId(): string {
  return `gh-${randomBytes(18).toString("base64url")}`;
}
