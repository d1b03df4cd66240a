"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("catalog.entry");
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
      setMessage(t("saved"));
      router.refresh();
    } catch (error) {
      setErrors(error instanceof ApiFailure ? error.fieldErrors : {});
      setMessage(error instanceof Error ? error.message : t("saveFailed"));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={save} className="card" aria-label={t("title")}>
      <h2>{t("title")}</h2>
      <Field id="catalog-description" label={t("description")} errors={errors.description}>
        {(aria) => <textarea {...aria} name="description" rows={3} defaultValue={props.description ?? ""} />}
      </Field>
      <Field id="catalog-contact" label={t("contact")} hint={t("contactHint")} errors={errors.contact}>
        {(aria) => <input {...aria} name="contact" defaultValue={props.contact ?? ""} />}
      </Field>
      {props.buildFromOpenApi === undefined ? null : (
        <label>
          <input type="checkbox" name="buildFromOpenApi" defaultChecked={props.buildFromOpenApi} />{" "}
          {t("buildFromOpenApi")}
        </label>
      )}
      <div className={layout.actions}>
        <button type="submit" className="button primary" disabled={saving}>
          {t("save")}
        </button>
        <span role="status">{message}</span>
      </div>
    </form>
  );
}
