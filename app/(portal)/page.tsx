import type { Metadata } from "next";
import Link from "next/link";
import { AdminHomeView } from "@/components/home/admin-home";
import styles from "./requests/requests.module.css";
import { RefreshWhileInFlight } from "@/components/home/refresh-while-in-flight";
import { RequesterHomeView } from "@/components/home/requester-home";
import { ViewerHomeView } from "@/components/home/viewer-home";
import { pageUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { homeInFlight, loadHome } from "@/lib/home/load-home";

export const metadata: Metadata = { title: "Home" };

// Where sign-in lands: what needs the reader, for their strongest role, rendered on the server and re-rendered every
// few seconds while a run is in flight.
export default async function HomePage() {
  const user = await pageUser();
  const home = await loadHome(db(), user);
  const now = new Date();
  return (
    <>
      <div className={styles.toolbar}>
        <h1>Home</h1>
        {home.role === "requester" ? (
          <Link href="/requests/new" className="button primary">
            New request
          </Link>
        ) : null}
      </div>
      {home.role === "admin" ? <AdminHomeView home={home} now={now} /> : null}
      {home.role === "requester" ? <RequesterHomeView home={home} now={now} /> : null}
      {home.role === "viewer" ? <ViewerHomeView home={home} now={now} /> : null}
      <RefreshWhileInFlight active={homeInFlight(home)} />
    </>
  );
}
