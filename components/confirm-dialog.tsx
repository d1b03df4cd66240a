"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, type ReactNode } from "react";
import styles from "./confirm-dialog.module.css";

/** A button for a consequential action that opens a modal asking to confirm it; Cancel and Escape leave it undone. */
export function ConfirmButton(props: {
  label: string;
  title: string;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  const t = useTranslations("common");
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  return (
    <>
      <button
        type="button"
        className={`button ${styles.danger}`}
        disabled={props.disabled}
        onClick={() => dialog.current?.showModal()}
      >
        {props.label}
      </button>
      <dialog ref={dialog} className={styles.dialog} aria-labelledby={titleId}>
        <h2 id={titleId}>{props.title}</h2>
        {props.children}
        <div className={styles.actions}>
          <button
            type="button"
            className={`button ${styles.danger}`}
            onClick={() => {
              props.onConfirm();
              dialog.current?.close();
            }}
          >
            {props.confirmLabel}
          </button>
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            {t("cancel")}
          </button>
        </div>
      </dialog>
    </>
  );
}
