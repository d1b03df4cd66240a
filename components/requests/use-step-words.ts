import { useTranslations } from "next-intl";
import { formatDuration } from "@/lib/requests/run-waterfall";

// How the request page and the run waterfall name a step, its status and a duration, in the page's language: a step's
// title from the `hops` catalogue by its id (one title per hop for every view), a duration in the units people read.

export function useStepTitle(): (stepId: string) => string {
  const t = useTranslations("hops");
  return (stepId) => {
    const key = stepId as Parameters<typeof t>[0];
    return t.has(key) ? t(key) : stepId.replace(".", ": ");
  };
}

export function useDuration(): (ms: number) => string {
  const t = useTranslations("waterfall.duration");
  return (ms) => formatDuration(ms, t);
}
