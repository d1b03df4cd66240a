import { redirect } from "next/navigation";
import { pageUser } from "@/lib/auth/current-user";

// The proxy only sees that a session cookie exists; a disabled user's or ended session goes to sign-in from here too.
export default async function Home() {
  await pageUser();
  redirect("/requests");
}
