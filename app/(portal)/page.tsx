import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AdminHomeView } from "@/components/home/admin-home";
import styles from "./requests/requests.module.css";
import { RefreshWhileInFlight } from "@/components/home/refresh-while-in-flight";
import { RequesterHomeView } from "@/components/home/requester-home";
import { ViewerHomeView } from "@/components/home/viewer-home";
import { pageUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { homeInFlight, loadHome, type Home } from "@/lib/home/load-home";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("home");
  return { title: t("title") };
}

// Where sign-in lands: what needs the reader, for their strongest role, rendered on the server and re-rendered every
// few seconds while a run is in flight.
export default async function HomePage() {
  const user = await pageUser();
  const home = await loadHome(db(), user);
  return <HomeView home={home} now={new Date()} />;
}

function HomeView({ home, now }: { home: Home; now: Date }) {
  const t = useTranslations("home");
  return (
    <>
      <div className={styles.toolbar}>
        <h1>{t("title")}</h1>
        {home.role === "requester" ? (
          <Link href="/requests/new" className="button primary">
            {t("newRequest")}
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
