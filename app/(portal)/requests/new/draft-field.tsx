import type { ReactNode } from "react";
import type { Draft } from "./request-draft";
import type { DraftForm } from "./use-draft-form";
import { Field, type FieldAria } from "@/components/form-field";

// One field of the draft: its label, hint and errors, and a text input bound to it unless the section brings its own
// control (a select, a textarea).

type DraftFieldProps = {
  form: DraftForm;
  /** The draft field it edits (also its id). */
  name: keyof Draft;
  label: string;
  hint?: string;
  children?: (aria: FieldAria & ReturnType<DraftForm["bind"]>) => ReactNode;
};

export function DraftField({ form, name, label, hint, children }: DraftFieldProps) {
  return (
    <Field id={name} label={label} hint={hint} errors={form.errorsOf(name)}>
      {(props) =>
        children ? children({ ...props, ...form.bind(name) }) : <input type="text" {...props} {...form.bind(name)} />
      }
    </Field>
  );
}
