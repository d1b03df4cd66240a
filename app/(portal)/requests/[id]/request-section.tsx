import { useId, type ReactNode } from "react";
import styles from "../requests.module.css";

/** A titled section of the request page, labelled by its heading. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
