/**
 * Polls GET /api/health until it answers 200, for at most `timeoutMs` from now (a first build before it does not
 * count); resolves with the milliseconds since `startedAt`.
 */
export async function waitForHealth(baseUrl: string, timeoutMs: number, startedAt: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return Date.now() - startedAt;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${baseUrl}/api/health did not answer 200 within ${Math.round(timeoutMs / 1000)} s`);
}
