"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ApiFailure, callApi } from "@/components/api-client";
import { Field } from "@/components/form-field";
import layout from "@/components/page-layout.module.css";
import type { FieldErrors } from "@/lib/errors";

// The owning team's edit of its catalog entry: description and contact (an empty field clears it), and, once a
// document is attached (`buildFromOpenApi` defined), whether the API is built from it on the next provision.
export function CatalogEntryForm(props: {
  id: string;
  description: string | null;
  contact: string | null;
  buildFromOpenApi?: boolean;
}) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSaving(true);
    try {
      await callApi(`/api/catalog/${props.id}`, {
        method: "PATCH",
        body: {
          description: String(form.get("description") ?? ""),
          contact: String(form.get("contact") ?? ""),
          buildFromOpenApi: props.buildFromOpenApi === undefined ? undefined : form.get("buildFromOpenApi") === "on",
        },
      });
      setErrors({});
      setMessage("Saved.");
      router.refresh();
    } catch (error) {
      setErrors(error instanceof ApiFailure ? error.fieldErrors : {});
      setMessage(error instanceof Error ? error.message : "Could not save.");
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={save} className="card" aria-label="Catalog entry">
      <h2>Catalog entry</h2>
      <Field id="catalog-description" label="Description" errors={errors.description}>
        {(aria) => <textarea {...aria} name="description" rows={3} defaultValue={props.description ?? ""} />}
      </Field>
      <Field
        id="catalog-contact"
        label="Contact"
        hint="A channel, an e-mail or an on-call rota."
        errors={errors.contact}
      >
        {(aria) => <input {...aria} name="contact" defaultValue={props.contact ?? ""} />}
      </Field>
      {props.buildFromOpenApi === undefined ? null : (
        <label>
          <input type="checkbox" name="buildFromOpenApi" defaultChecked={props.buildFromOpenApi} /> Build the API from
          the OpenAPI document (its paths and methods instead of ANY /{"{proxy+}"}), from the next provision on
        </label>
      )}
      <div className={layout.actions}>
        <button type="submit" className="button primary" disabled={saving}>
          Save
        </button>
        <span role="status">{message}</span>
      </div>
    </form>
  );
}
