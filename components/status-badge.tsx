import { useTranslations } from "next-intl";
import type en from "@/messages/en.json";
import styles from "@/app/(portal)/requests/requests.module.css";

/** A request's, run's, step's, check's or hop's status as a coloured badge, in the page's language. */
export function StatusBadge({ status }: { status: string }) {
  const t = useTranslations("status");
  const key = status as keyof typeof en.status;
  return <span className={`${styles.badge} ${styles[status] ?? ""}`}>{t.has(key) ? t(key) : status}</span>;
}
