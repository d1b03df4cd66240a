import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { CurrentUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { findActiveUser } from "@/lib/users/sign-in";
import { tokenIdleStopsAt } from "./token-idleness";
import { generateTokenSecret, hashTokenSecret, looksLikeTokenSecret, visiblePrefix } from "./token-secret";
import type { CreateToken } from "./token-schemas";
import { tokenScopes, type TokenScope } from "./token-scopes";

// Personal access tokens: created and revoked by their owner, each with its audit event; the secret leaves the server
// exactly once, in the answer to its creation.

const maxActiveTokens = 20;
const dayMs = 24 * 60 * 60 * 1000;
// lastUsedAt is a hint for the owner, not a log: write it at most once a minute per token.
const lastUsedResolutionMs = 60 * 1000;

export type TokenSummary = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const summaryFields = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

const ownerActor = (user: CurrentUser) => ({ id: user.id, label: user.email });

export async function createApiToken(
  db: Db,
  user: CurrentUser,
  input: CreateToken,
  now = new Date(),
): Promise<{ token: TokenSummary; secret: string }> {
  const secret = generateTokenSecret();
  return db.$transaction(async (tx) => {
    const active = await tx.apiToken.findMany({
      where: { userId: user.id, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      select: { name: true },
    });
    if (active.some((token) => token.name.toLowerCase() === input.name.toLowerCase())) {
      throw new AppError(
        "CONFLICT",
        { key: "errors.tokens.duplicateName" },
        {
          fieldErrors: { name: ["validation.tokens.nameTaken"] },
        },
      );
    }
    if (active.length >= maxActiveTokens) {
      throw new AppError("CONFLICT", { key: "errors.tokens.tooMany", values: { max: maxActiveTokens } });
    }
    const token = await tx.apiToken.create({
      data: {
        userId: user.id,
        name: input.name,
        tokenHash: hashTokenSecret(secret),
        prefix: visiblePrefix(secret),
        scopes: input.scopes,
        expiresAt: new Date(now.getTime() + input.expiresInDays * dayMs),
      },
      select: summaryFields,
    });
    await recordAuditEvent(tx, {
      actor: ownerActor(user),
      action: "token.created",
      targetType: "token",
      targetId: token.id,
      details: { name: token.name, scopes: token.scopes, expiresAt: token.expiresAt?.toISOString() ?? null },
    });
    return { token, secret };
  });
}

export async function listApiTokens(db: Db, userId: string): Promise<TokenSummary[]> {
  return db.apiToken.findMany({ where: { userId }, select: summaryFields, orderBy: { createdAt: "desc" } });
}

/** Revokes one of the user's own tokens; revoking twice changes nothing and records nothing. */
export async function revokeApiToken(
  db: Db,
  user: CurrentUser,
  tokenId: string,
  now = new Date(),
): Promise<TokenSummary> {
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, userId: user.id }, select: summaryFields });
    if (!token) throw new AppError("NOT_FOUND", { key: "errors.tokens.noSuchToken" });
    if (token.revokedAt) return token;
    const revoked = await tx.apiToken.update({
      where: { id: token.id },
      data: { revokedAt: now },
      select: summaryFields,
    });
    await recordAuditEvent(tx, {
      actor: ownerActor(user),
      action: "token.revoked",
      targetType: "token",
      targetId: token.id,
      details: { name: token.name },
    });
    return revoked;
  });
}

export type TokenCaller = { user: CurrentUser; token: { id: string; name: string; scopes: ReadonlySet<TokenScope> } };

/**
 * The user behind a bearer secret. Unknown, revoked, expired and idle tokens (the owner has not signed in for
 * GATEHOUSE_TOKEN_IDLE_DAYS), and tokens of disabled users, are all the same UNAUTHENTICATED answer, so a caller
 * learns nothing about which tokens exist.
 */
export async function authenticateApiToken(
  db: Db,
  secret: string,
  now = new Date(),
  idleDays = env().GATEHOUSE_TOKEN_IDLE_DAYS,
): Promise<TokenCaller> {
  const refused = new AppError("UNAUTHENTICATED", { key: "errors.tokens.refused" });
  if (!looksLikeTokenSecret(secret)) throw refused;
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashTokenSecret(secret) },
    include: { user: { select: { lastSignInAt: true, createdAt: true } } },
  });
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) throw refused;
  if (tokenIdleStopsAt(token.user, idleDays) <= now) throw refused;
  const user = await findActiveUser(db, token.userId);
  if (!user) throw refused;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > lastUsedResolutionMs) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  const known = new Set<string>(tokenScopes);
  const scopes = new Set(token.scopes.filter((scope): scope is TokenScope => known.has(scope)));
  return { user, token: { id: token.id, name: token.name, scopes } };
}
