import { RunsAndChainsSections, Tiles } from "./home-parts";
import type { ViewerHome } from "@/lib/home/load-home";

// A viewer's home: the platform's health, as the last verification of each active chain and the runs saw it.

export function ViewerHomeView({ home, now }: { home: ViewerHome; now: Date }) {
  const { chains } = home;
  return (
    <>
      <Tiles
        label="Platform health"
        tiles={[
          { label: "active exposures", value: chains.active, href: "/topology" },
          { label: "healthy at the last verify", value: chains.healthy },
          { label: "broken at the last verify", value: chains.broken.length, attention: true },
          { label: "never verified", value: chains.unverified },
          { label: "runs in flight", value: home.inFlight.length },
          { label: "failed runs", value: home.failed.length, attention: true },
        ]}
      />
      <RunsAndChainsSections home={home} now={now} />
    </>
  );
}
