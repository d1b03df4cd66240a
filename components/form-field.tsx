import { useTranslations } from "next-intl";
import type { InputHTMLAttributes, ReactNode } from "react";
import type { MessageKey } from "@/lib/i18n/translatable";
import styles from "./form-field.module.css";

/** A labelled form field with its hint and its errors right below, both announced with the input. */
export function Field(props: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (aria: FieldAria) => ReactNode;
}) {
  const { hintId, errorId, describedBy } = descriptionIds(props);
  const aria: FieldAria = { id: props.id, "aria-describedby": describedBy, "aria-invalid": errorId ? true : undefined };
  return (
    <div className={styles.field}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children(aria)}
      <Note id={hintId} className={styles.hint} text={props.hint} />
      <FieldErrors id={errorId} errors={props.errors} />
    </div>
  );
}

/** A one-line text field: the common case of `Field`. */
export function TextField(props: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  value: string;
  onChange: (value: string) => void;
  inputMode?: "numeric";
}) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} errors={props.errors}>
      {(aria) => (
        <input
          {...aria}
          type="text"
          inputMode={props.inputMode}
          autoComplete="off"
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/**
 * A group of choices (check boxes or radio buttons) under a legend, with its hint and errors announced like a
 * field's; `id` names the hint (`<id>-hint`) and the errors (`<id>-error`).
 */
export function FieldGroup(props: {
  id: string;
  legend: string;
  hint?: string;
  errors?: string[];
  children: ReactNode;
}) {
  const { hintId, errorId, describedBy } = descriptionIds(props);
  return (
    <fieldset className={styles.group} aria-describedby={describedBy}>
      <legend>{props.legend}</legend>
      <Note id={hintId} className={styles.hint} text={props.hint} />
      {props.children}
      <FieldErrors id={errorId} errors={props.errors} />
    </fieldset>
  );
}

/** One check box or radio button of a `FieldGroup`, with its label text beside it. */
export function Choice({ children, ...input }: InputHTMLAttributes<HTMLInputElement> & { children: ReactNode }) {
  return (
    <label className={styles.choice}>
      <input {...input} />
      {children}
    </label>
  );
}

/** The ids of a field's hint and errors (when it shows them) and the `aria-describedby` that names both. */
function descriptionIds({ id, hint, errors }: { id: string; hint?: string; errors?: string[] }) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return { hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined };
}

/** A line of text under a field (its hint or its errors); nothing when there is no text. */
function Note({ id, className, text }: { id?: string; className?: string; text?: string }) {
  if (!text) return null;
  return (
    <p id={id} className={className}>
      {text}
    </p>
  );
}

export type FieldAria = { id: string; "aria-describedby"?: string; "aria-invalid"?: true };

/**
 * A field's errors: the server's are already in the page's language; a schema's own message parsed in the browser is a
 * "validation." catalogue key, put into words here.
 */
export function FieldErrors({ id, errors }: { id?: string; errors?: string[] }) {
  const t = useTranslations();
  const text = errors?.map((error) => (error.startsWith("validation.") ? t(error as MessageKey) : error)).join(" ");
  return <Note id={id} className={styles.error} text={text} />;
}
