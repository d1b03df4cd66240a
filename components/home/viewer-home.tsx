import { useTranslations } from "next-intl";
import { RunsAndChainsSections, Tiles, type Tile } from "./home-parts";
import type { ViewerHome } from "@/lib/home/load-home";

// A viewer's home: the platform's health, as the last verification of each active chain and the runs saw it.

export function ViewerHomeView({ home, now }: { home: ViewerHome; now: Date }) {
  const t = useTranslations("home");
  const { chains } = home;
  const tiles: Tile[] = [
    { label: t("viewer.activeExposures"), value: chains.active, href: "/topology" },
    { label: t("viewer.healthy"), value: chains.healthy },
    { label: t("viewer.broken"), value: chains.broken.length, attention: true },
    { label: t("viewer.neverVerified"), value: chains.unverified },
    { label: t("admin.runsInFlight"), value: home.inFlight.length },
    { label: t("admin.failedRuns"), value: home.failed.length, attention: true },
  ];
  return (
    <>
      <Tiles label={t("viewer.health")} tiles={tiles} />
      <RunsAndChainsSections home={home} now={now} />
    </>
  );
}
