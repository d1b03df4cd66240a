// Runs once when the server starts: bad configuration stops `next start` with a message naming the variable.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertWebRunnable, env } = await import("@/lib/env");
  assertWebRunnable(env());
}
