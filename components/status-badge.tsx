import styles from "@/app/(portal)/requests/requests.module.css";
import { useStatusWord } from "@/components/use-status-word";

/** A request's, run's, step's, check's or hop's status as a coloured badge, in the page's language. */
export function StatusBadge({ status }: { status: string }) {
  const statusWord = useStatusWord();
  return <span className={`${styles.badge} ${styles[status] ?? ""}`}>{statusWord(status)}</span>;
}
