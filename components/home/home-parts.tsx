import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import styles from "./home.module.css";
import { ageMessage } from "@/lib/home/format-age";
import type { BrokenChain } from "@/lib/home/chain-health";
import type { RunAttention } from "@/lib/home/list-run-attention";
import type { RunsAndChains } from "@/lib/home/load-home";
import type { MessageValues } from "@/lib/i18n/translatable";

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

/** How long ago `since` was, in the page's language ("5 h", "5 小时"). */
export function useAge(now: Date): (since: Date) => string {
  const t = useTranslations() as unknown as (key: string, values?: MessageValues) => string;
  return (since) => {
    const age = ageMessage(since, now);
    return t(age.key, age.values);
  };
}

/** A hop's title from its step id, in the page's language; an id the catalogue does not know stays as it is. */
function useHopTitle(): (stepId: string) => string {
  const t = useTranslations("hops");
  return (stepId) => {
    const key = stepId as Parameters<typeof t>[0];
    return t.has(key) ? t(key) : stepId;
  };
}

/** A titled list of runs, or nothing when there is none. */
export function RunSection({
  id,
  title,
  runs,
  now,
  failed = false,
}: {
  id: string;
  title: string;
  runs: RunAttention[];
  now: Date;
  failed?: boolean;
}) {
  const t = useTranslations("home.runs");
  const age = useAge(now);
  const hopTitle = useHopTitle();
  /** "provision failed at <hop>", "provision at <hop>" */
  const whereRunIs = (run: RunAttention) => {
    const kind = `kinds.${run.runKind}` as Parameters<typeof t>[0];
    const values = {
      kind: t.has(kind) ? t(kind) : run.runKind,
      hop: run.stepId ? hopTitle(run.stepId) : t("firstStep"),
      strong: (chunks: ReactNode) => <strong>{chunks}</strong>,
    };
    return failed ? t.rich("failedAt", values) : t.rich("at", values);
  };
  if (runs.length === 0) return null;
  return (
    <HomeSection id={id} title={title}>
      <ul className={styles.list}>
        {runs.map((run) => (
          <li key={run.requestId}>
            <Link href={`/requests/${run.requestId}`}>{run.apiName}</Link>: {whereRunIs(run)}{" "}
            <span className={styles.muted}>({age(run.since)})</span>
          </li>
        ))}
      </ul>
    </HomeSection>
  );
}

/** What an admin and a viewer both follow: failed runs, broken chains and runs in flight, each only when there are. */
export function RunsAndChainsSections({ home, now }: { home: RunsAndChains; now: Date }) {
  const t = useTranslations("home.runs");
  return (
    <>
      <RunSection id="home-failed" title={t("failedTitle")} runs={home.failed} now={now} failed />
      {home.chains.broken.length > 0 ? (
        <HomeSection id="home-broken" title={t("brokenTitle")}>
          <BrokenChainList chains={home.chains.broken} now={now} />
        </HomeSection>
      ) : null}
      <RunSection id="home-in-flight" title={t("inFlightTitle")} runs={home.inFlight} now={now} />
    </>
  );
}

function BrokenChainList({ chains, now }: { chains: BrokenChain[]; now: Date }) {
  const t = useTranslations("home.runs");
  const age = useAge(now);
  const hopTitle = useHopTitle();
  const brokenAt = (chain: BrokenChain) =>
    t.rich("brokenAt", {
      hop: chain.stepId ? hopTitle(chain.stepId) : t("unknownHop"),
      strong: (chunks) => <strong>{chunks}</strong>,
    });
  return (
    <ul className={styles.list}>
      {chains.map((chain) => (
        <li key={chain.requestId}>
          <Link href={`/requests/${chain.requestId}`}>{chain.apiName}</Link>: {brokenAt(chain)}
          {/* AWS's reason, as AWS wrote it. */}
          {chain.reason ? ` — ${chain.reason}` : ""}{" "}
          <span className={styles.muted}>{t("verifiedAgo", { age: age(chain.at) })}</span>
        </li>
      ))}
    </ul>
  );
}
