import Link from "next/link";

export default function NotFound() {
  return (
    <main className="signin">
      <h1>404 · Not found</h1>
      <p>There is nothing at this address.</p>
      <Link href="/requests">Back to my requests</Link>
    </main>
  );
}
