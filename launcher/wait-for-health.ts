/** Polls GET /api/health until it answers 200; resolves with the milliseconds it took. */
export async function waitForHealth(baseUrl: string, timeoutMs: number, startedAt: number): Promise<number> {
  while (Date.now() - startedAt < timeoutMs) {
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
