import Link from "next/link";
import type { ReactNode } from "react";
import styles from "./home.module.css";
import { formatAge } from "@/lib/home/format-age";
import type { BrokenChain } from "@/lib/home/chain-health";
import type { RunAttention } from "@/lib/home/list-run-attention";
import type { RunsAndChains } from "@/lib/home/load-home";

// The pieces every role's home is built from: a row of figures, and lists of runs and chains that link to the
// request behind each line.

export type Tile = { label: string; value: number; href?: string; detail?: string; attention?: boolean };

export function Tiles({ label, tiles }: { label: string; tiles: Tile[] }) {
  return (
    <ul className={styles.tiles} aria-label={label}>
      {tiles.map((tile) => {
        const body = (
          <>
            <span className={styles.figure}>{tile.value}</span>
            <span className={styles.label}>{tile.label}</span>
            {tile.detail ? <span className={styles.muted}>{tile.detail}</span> : null}
          </>
        );
        const className = `${styles.tile} ${tile.attention && tile.value > 0 ? styles.attention : ""}`;
        return (
          <li key={tile.label}>
            {tile.href ? (
              <Link href={tile.href} className={className}>
                {body}
              </Link>
            ) : (
              <div className={className}>{body}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function HomeSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** A titled list of runs, or nothing when there is none. */
export function RunSection({
  id,
  title,
  runs,
  now,
  verb,
}: {
  id: string;
  title: string;
  runs: RunAttention[];
  now: Date;
  verb: "at" | "failed at";
}) {
  if (runs.length === 0) return null;
  return (
    <HomeSection id={id} title={title}>
      <ul className={styles.list}>
        {runs.map((run) => (
          <li key={run.requestId}>
            <Link href={`/requests/${run.requestId}`}>{run.apiName}</Link>: {run.runKind} {verb}{" "}
            <strong>{run.hop ?? "its first step"}</strong>{" "}
            <span className={styles.muted}>({formatAge(run.since, now)})</span>
          </li>
        ))}
      </ul>
    </HomeSection>
  );
}

/** What an admin and a viewer both follow: failed runs, broken chains and runs in flight, each only when there are. */
export function RunsAndChainsSections({ home, now }: { home: RunsAndChains; now: Date }) {
  return (
    <>
      <RunSection id="home-failed" title="Failed runs" runs={home.failed} now={now} verb="failed at" />
      {home.chains.broken.length > 0 ? (
        <HomeSection id="home-broken" title="Chains broken at the last verify">
          <BrokenChainList chains={home.chains.broken} now={now} />
        </HomeSection>
      ) : null}
      <RunSection id="home-in-flight" title="Runs in flight" runs={home.inFlight} now={now} verb="at" />
    </>
  );
}

function BrokenChainList({ chains, now }: { chains: BrokenChain[]; now: Date }) {
  return (
    <ul className={styles.list}>
      {chains.map((chain) => (
        <li key={chain.requestId}>
          <Link href={`/requests/${chain.requestId}`}>{chain.apiName}</Link>: broken at{" "}
          <strong>{chain.hop ?? "an unknown hop"}</strong>
          {chain.reason ? ` — ${chain.reason}` : ""}{" "}
          <span className={styles.muted}>(verified {formatAge(chain.at, now)} ago)</span>
        </li>
      ))}
    </ul>
  );
}
