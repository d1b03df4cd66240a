import type { ReactNode } from "react";
import styles from "./form-field.module.css";

/** A labelled form field with its hint and its errors right below, both announced with the input. */
export function Field(props: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (aria: FieldAria) => ReactNode;
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const errorId = props.errors?.length ? `${props.id}-error` : undefined;
  const aria: FieldAria = {
    id: props.id,
    "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
    "aria-invalid": errorId ? true : undefined,
  };
  return (
    <div className={styles.field}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children(aria)}
      {props.hint ? (
        <p id={hintId} className={styles.hint}>
          {props.hint}
        </p>
      ) : null}
      <FieldErrors id={errorId} errors={props.errors} />
    </div>
  );
}

export type FieldAria = { id: string; "aria-describedby"?: string; "aria-invalid"?: true };

export function FieldErrors({ id, errors }: { id?: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className={styles.error}>
      {errors.join(" ")}
    </p>
  );
}
