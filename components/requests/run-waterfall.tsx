"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import styles from "./run-waterfall.module.css";
import { DataTable } from "@/components/data-table";
import type { StepView } from "@/lib/requests/step-views";
import { useDuration, useStepTitle } from "./use-step-words";
import { useStatusWord } from "@/components/use-status-word";
import { runWaterfall, type SegmentKind, type WaterfallBar } from "@/lib/requests/run-waterfall";

// The run as a waterfall chart: a bar per step, coloured by what the step was doing, with the critical path outlined
// and retries and failures marked. Each bar is focusable and shows the step's AWS calls and outputs on hover or focus;
// the same figures are a table for screen readers and keyboards (folded under the chart). The request page re-renders
// it at every poll, so it grows while the run is in flight.

const kinds: SegmentKind[] = ["working", "aws", "slot", "retry"];

/** The waterfall's words in the page's language: a step's title, a duration, a bar's one-line summary. */
function useWaterfallWords() {
  const t = useTranslations("waterfall");
  const stepTitle = useStepTitle();
  const duration = useDuration();
  const statusWord = useStatusWord();
  const summary = (bar: WaterfallBar): string => {
    const title = stepTitle(bar.stepId);
    if (bar.start === null || bar.end === null) return t("summary.notStarted", { title });
    const parts = kinds
      .filter((kind) => bar.totals[kind] > 0)
      .map((kind) => t("summary.segment", { kind: t(`segments.${kind}`), duration: duration(bar.totals[kind]) }));
    return [
      t("summary.bar", { title, status: statusWord(bar.status), duration: duration(bar.end - bar.start) }),
      parts.join(t("summary.listSeparator")),
      bar.retries > 0 ? t("summary.retries", { count: bar.retries }) : "",
      bar.critical ? t("summary.critical") : "",
    ]
      .filter(Boolean)
      .join(t("summary.partSeparator"));
  };
  return { t, stepTitle, duration, statusWord, summary };
}

export function RunWaterfall({ steps, now }: { steps: StepView[]; now: number }) {
  const { t, stepTitle, duration, statusWord, summary } = useWaterfallWords();
  const waterfall = runWaterfall(steps, now);
  const span = waterfall.end - waterfall.start;
  const percent = (time: number) => `${((time - waterfall.start) / span) * 100}%`;
  const width = (from: number, to: number) => `${((to - from) / span) * 100}%`;
  const byId = new Map(steps.map((step) => [step.stepId, step]));
  const headingId = useId();
  // The step whose tooltip is open (hovered or focused): only that one is in the page.
  const [shown, setShown] = useState<string>();
  return (
    <figure className={styles.waterfall} aria-labelledby={headingId}>
      <figcaption id={headingId} className={styles.caption}>
        <span>{t("caption", { duration: duration(span) })}</span>
        <span className={styles.legend}>
          {kinds.map((kind) => (
            <span key={kind} className={styles.legendItem}>
              <span className={`${styles.swatch} ${styles[kind]}`} aria-hidden="true" /> {t(`segments.${kind}`)}
            </span>
          ))}
          <span className={styles.legendItem}>
            <span className={`${styles.swatch} ${styles.criticalSwatch}`} aria-hidden="true" /> {t("criticalPath")}
          </span>
        </span>
      </figcaption>
      <ol className={styles.rows}>
        {waterfall.bars.map((bar) => {
          const step = byId.get(bar.stepId);
          return (
            <li key={bar.stepId} className={styles.row} data-step={bar.stepId}>
              <span className={`${styles.label} ${bar.critical ? styles.criticalLabel : ""}`}>
                {stepTitle(bar.stepId)}
              </span>
              <span className={styles.track}>
                {bar.start !== null && bar.end !== null ? (
                  <Bar
                    bar={bar}
                    label={summary(bar)}
                    failedMark={t("failedMark")}
                    start={bar.start}
                    end={bar.end}
                    left={percent(bar.start)}
                    width={width(bar.start, bar.end)}
                    tipId={shown === bar.stepId ? `${headingId}-${bar.stepId}` : undefined}
                    onShow={(open) => setShown(open ? bar.stepId : undefined)}
                  />
                ) : (
                  <span className={styles.notStarted}>{t("notStarted")}</span>
                )}
                {step && bar.start !== null && shown === bar.stepId ? (
                  <StepTip
                    id={`${headingId}-${bar.stepId}`}
                    summary={summary(bar)}
                    step={step}
                    left={`min(${percent(bar.start)}, 55%)`}
                  />
                ) : null}
              </span>
            </li>
          );
        })}
      </ol>
      <details className={styles.tableView}>
        <summary>{t("table.summary")}</summary>
        <DataTable
          caption={t("table.caption")}
          columns={[
            t("table.step"),
            t("table.status"),
            t("table.startsAt"),
            t("table.duration"),
            ...kinds.map((kind) => t(`segments.${kind}`)),
            t("table.retries"),
            t("table.critical"),
          ]}
        >
          {waterfall.bars.map((bar) => (
            <tr key={bar.stepId}>
              <td>{stepTitle(bar.stepId)}</td>
              <td>{statusWord(bar.status)}</td>
              <td className="nowrap">{bar.start === null ? "—" : `+${duration(bar.start - waterfall.start)}`}</td>
              <td className="nowrap">{bar.start === null || bar.end === null ? "—" : duration(bar.end - bar.start)}</td>
              {kinds.map((kind) => (
                <td key={kind} className="nowrap">
                  {bar.totals[kind] > 0 ? duration(bar.totals[kind]) : "—"}
                </td>
              ))}
              <td>{bar.retries}</td>
              <td>{bar.critical ? t("table.yes") : t("table.no")}</td>
            </tr>
          ))}
        </DataTable>
      </details>
    </figure>
  );
}

function Bar({
  bar,
  label,
  failedMark,
  start,
  end,
  left,
  width,
  tipId,
  onShow,
}: {
  bar: WaterfallBar;
  /** The bar's summary, its accessible name. */
  label: string;
  failedMark: string;
  start: number;
  end: number;
  left: string;
  width: string;
  /** The open tooltip's id, while it is open. */
  tipId: string | undefined;
  onShow: (open: boolean) => void;
}) {
  const length = Math.max(1, end - start);
  return (
    <button
      type="button"
      className={`${styles.bar} ${bar.critical ? styles.critical : ""} ${bar.failed ? styles.failed : ""}`}
      style={{ left, width }}
      aria-label={label}
      aria-describedby={tipId}
      onMouseEnter={() => onShow(true)}
      onMouseLeave={() => onShow(false)}
      onFocus={() => onShow(true)}
      onBlur={() => onShow(false)}
      data-start={start}
      data-end={end}
    >
      {bar.segments.map((segment) => (
        <span
          key={`${segment.kind}-${segment.start}`}
          className={`${styles.segment} ${styles[segment.kind]}`}
          style={{
            left: `${((segment.start - start) / length) * 100}%`,
            width: `${((segment.end - segment.start) / length) * 100}%`,
          }}
          data-kind={segment.kind}
        />
      ))}
      {bar.retries > 0 || bar.failed ? (
        <span className={styles.marks} aria-hidden="true">
          {bar.retries > 0 ? `↻${bar.retries}` : ""} {bar.failed ? `✕ ${failedMark}` : ""}
        </span>
      ) : null}
    </button>
  );
}

function StepTip({ id, summary, step, left }: { id: string; summary: string; step: StepView; left: string }) {
  const t = useTranslations("waterfall.tip");
  const outputs = Object.entries(step.outputs);
  return (
    <span id={id} className={styles.tip} role="tooltip" style={{ left }}>
      <strong>{summary}</strong>
      {step.calls.length > 0 ? (
        <span className={styles.tipBlock}>
          {t("calls")}
          {step.calls.map((call) => (
            <code key={call}>{call}</code>
          ))}
        </span>
      ) : null}
      {outputs.length > 0 ? (
        <span className={styles.tipBlock}>
          {t("outputs")}
          {outputs.map(([key, value]) => (
            <code key={key}>
              {key}: {value}
            </code>
          ))}
        </span>
      ) : null}
      {step.error ? <span className={styles.tipBlock}>{t("failed", { message: step.error.message })}</span> : null}
    </span>
  );
}
