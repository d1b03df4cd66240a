import { describe, expect, it } from "vitest";
import { authenticateApiToken, createApiToken } from "./api-tokens";
import { tokenIdleStopsAt } from "./token-idleness";
import { demoUsers, seedDemoOrganisation } from "@/lib/demo/demo-organisation";
import { sharedTestDatabase } from "@/lib/testing/shared-test-database";
import { findActiveUser, signInDemoUser } from "@/lib/users/sign-in";

const day = 24 * 60 * 60 * 1000;

const database = sharedTestDatabase((created) => seedDemoOrganisation(created.db));

describe("idle tokens", () => {
  it("stop idle days after the owner's last sign-in, or their creation if they never signed in", () => {
    const createdAt = new Date("2026-01-01T00:00:00Z");
    expect(tokenIdleStopsAt({ lastSignInAt: null, createdAt }, 30).toISOString()).toBe("2026-01-31T00:00:00.000Z");
    expect(tokenIdleStopsAt({ lastSignInAt: new Date("2026-03-01T00:00:00Z"), createdAt }, 30).toISOString()).toBe(
      "2026-03-31T00:00:00.000Z",
    );
  });

  it("a token whose owner has not signed in for the idle days is refused; signing in again revives it", async () => {
    const signedIn = await signInDemoUser(database.db, demoUsers[2].email);
    const owner = (await findActiveUser(database.db, signedIn!.id))!;
    const { secret } = await createApiToken(database.db, owner, {
      name: "ci",
      scopes: ["requests:read"],
      expiresInDays: 366,
    });
    const now = Date.now();
    expect((await authenticateApiToken(database.db, secret, new Date(now + 29 * day), 30)).user.id).toBe(owner.id);
    await expect(authenticateApiToken(database.db, secret, new Date(now + 31 * day), 30)).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await database.db.user.update({ where: { id: owner.id }, data: { lastSignInAt: new Date(now + 20 * day) } });
    expect((await authenticateApiToken(database.db, secret, new Date(now + 31 * day), 30)).user.id).toBe(owner.id);
  });
});
