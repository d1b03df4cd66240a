import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="signin">
      <h1>403 · Not allowed</h1>
      <p>This page is for platform admins. If you need access, ask a platform admin to grant you the role.</p>
      <Link href="/requests">Back to my requests</Link>
    </main>
  );
}
