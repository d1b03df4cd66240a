import Link from "next/link";
import styles from "./home.module.css";
import { HomeSection, RunsAndChainsSections, Tiles } from "./home-parts";
import { HubsNearQuota } from "./hubs-near-quota";
import { formatAge } from "@/lib/home/format-age";
import { setupUnfinished, type SetupStep } from "@/lib/home/getting-started";
import type { AdminHome } from "@/lib/home/load-home";

// A platform admin's home: what needs them now (decisions, failed runs, broken chains, unverified accounts), what is
// running, and on a fresh install the getting-started checklist.

export function AdminHomeView({ home, now }: { home: AdminHome; now: Date }) {
  const { approvals, chains } = home;
  return (
    <>
      {setupUnfinished(home.setup) ? <GettingStarted steps={home.setup} /> : null}
      <Tiles
        label="Needs attention"
        tiles={[
          {
            label: "approvals waiting",
            value: approvals.count,
            href: "/approvals",
            detail: approvals.oldestSince ? `oldest ${formatAge(approvals.oldestSince, now)}` : undefined,
            attention: true,
          },
          { label: "runs in flight", value: home.inFlight.length },
          { label: "failed runs", value: home.failed.length, attention: true },
          {
            label: "chains broken at the last verify",
            value: chains.broken.length,
            href: "/topology",
            attention: true,
          },
          { label: "accounts not verified", value: home.unverifiedAccounts.length, href: "/accounts", attention: true },
        ]}
      />
      <RunsAndChainsSections home={home} now={now} />
      <HubsNearQuota now={now} />
      {home.unverifiedAccounts.length > 0 ? (
        <HomeSection id="home-unverified" title="Accounts not verified">
          <ul className={styles.list}>
            {home.unverifiedAccounts.map((account) => (
              <li key={account.id}>
                <Link href={`/accounts/${account.id}`}>{account.alias}</Link>{" "}
                <span className="mono">{account.accountId}</span> ({account.kind})
              </li>
            ))}
          </ul>
        </HomeSection>
      ) : null}
    </>
  );
}

function GettingStarted({ steps }: { steps: SetupStep[] }) {
  const done = steps.filter((step) => step.done).length;
  return (
    <section className={`card ${styles.checklist}`} aria-labelledby="getting-started">
      <h2 id="getting-started">
        Getting started: {done} of {steps.length} done
      </h2>
      <ol className={styles.steps} aria-label="Getting-started checklist">
        {steps.map((step) => (
          <li
            key={step.id}
            className={`${styles.step} ${step.done ? styles.done : ""}`}
            aria-label={`${step.title}: ${step.done ? "done" : "to do"}`}
          >
            <span className={styles.tick} aria-hidden="true">
              {step.done ? "✓" : ""}
            </span>
            <div>
              <Link href={step.href} className={styles.stepTitle}>
                {step.title}
              </Link>
              <div className={styles.muted}>{step.detail}</div>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
