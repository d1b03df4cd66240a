import type { ReactNode } from "react";
import type { Draft } from "./request-draft";
import type { DraftForm } from "./use-draft-form";
import { Field, type FieldAria } from "@/components/form-field";

// One field of the draft: its label, hint and errors, and a text input bound to it unless the section brings its own
// control (a select, a textarea).

type DraftFieldProps = {
  form: DraftForm;
  field: keyof Draft;
  label: string;
  hint?: string;
  children?: (aria: FieldAria & ReturnType<DraftForm["bind"]>) => ReactNode;
};

export function DraftField({ form, field, label, hint, children }: DraftFieldProps) {
  return (
    <Field id={field} label={label} hint={hint} errors={form.errorsOf(field)}>
      {(props) =>
        children ? children({ ...props, ...form.bind(field) }) : <input type="text" {...props} {...form.bind(field)} />
      }
    </Field>
  );
}
