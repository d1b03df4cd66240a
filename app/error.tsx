"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="signin">
      <h1>Something went wrong</h1>
      <p>The error has been logged on the server. Try again, and tell your platform team if it keeps happening.</p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </main>
  );
}
