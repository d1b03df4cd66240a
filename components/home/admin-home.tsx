import { useTranslations } from "next-intl";
import Link from "next/link";
import styles from "./home.module.css";
import { HomeSection, RunsAndChainsSections, Tiles, useAge, type Tile } from "./home-parts";
import { HubsNearQuota } from "./hubs-near-quota";
import { TranslatedText } from "@/components/translated-text";
import { setupUnfinished, type SetupStep } from "@/lib/home/getting-started";
import type { AdminHome } from "@/lib/home/load-home";

// A platform admin's home: what needs them now (decisions, failed runs, broken chains, unverified accounts), what is
// running, and on a fresh install the getting-started checklist.

export function AdminHomeView({ home, now }: { home: AdminHome; now: Date }) {
  const t = useTranslations("home.admin");
  const age = useAge(now);
  const { approvals, chains } = home;
  const tiles: Tile[] = [
    {
      label: t("approvalsWaiting"),
      value: approvals.count,
      href: "/approvals",
      detail: approvals.oldestSince ? t("oldest", { age: age(approvals.oldestSince) }) : undefined,
      attention: true,
    },
    { label: t("runsInFlight"), value: home.inFlight.length },
    { label: t("failedRuns"), value: home.failed.length, attention: true },
    { label: t("chainsBroken"), value: chains.broken.length, href: "/topology", attention: true },
    {
      label: t("accountsNotVerified"),
      value: home.unverifiedAccounts.length,
      href: "/accounts",
      attention: true,
    },
  ];
  return (
    <>
      {setupUnfinished(home.setup) ? <GettingStarted steps={home.setup} /> : null}
      <Tiles label={t("attention")} tiles={tiles} />
      <RunsAndChainsSections home={home} now={now} />
      <HubsNearQuota now={now} />
      {home.unverifiedAccounts.length > 0 ? (
        <HomeSection id="home-unverified" title={t("unverifiedTitle")}>
          <ul className={styles.list}>
            {home.unverifiedAccounts.map((account) => (
              <li key={account.id}>
                <Link href={`/accounts/${account.id}`}>{account.alias}</Link>{" "}
                <span className="mono">{account.accountId}</span> (<span className="mono">{account.kind}</span>)
              </li>
            ))}
          </ul>
        </HomeSection>
      ) : null}
    </>
  );
}

const tick = "✓";

function GettingStarted({ steps }: { steps: SetupStep[] }) {
  const t = useTranslations("home");
  const done = steps.filter((step) => step.done).length;
  return (
    <section className={`card ${styles.checklist}`} aria-labelledby="getting-started">
      <h2 id="getting-started">{t("checklist.heading", { done, total: steps.length })}</h2>
      <ol className={styles.steps} aria-label={t("checklist.label")}>
        {steps.map((step) => {
          const title = t(`steps.${step.id}.title`);
          return (
            <li
              key={step.id}
              className={`${styles.step} ${step.done ? styles.done : ""}`}
              aria-label={step.done ? t("checklist.stepDone", { title }) : t("checklist.stepToDo", { title })}
            >
              <span className={styles.tick} aria-hidden="true">
                {step.done ? tick : null}
              </span>
              <div>
                <Link href={step.href} className={styles.stepTitle}>
                  {title}
                </Link>
                <div className={styles.muted}>
                  <TranslatedText message={step.detail} />
                </div>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
