"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { callApi } from "@/components/api-client";

// The owning team's choice of how the API authorizes callers; the worker then updates its methods and resource policy
// and redeploys the stage.

type Choice = "none" | "AWS_IAM";
const choices: readonly Choice[] = ["none", "AWS_IAM"];

export function ApiAuthorizationChoice({ requestId, initial }: { requestId: string; initial: Choice }) {
  const t = useTranslations("access.authorization");
  const [choice, setChoice] = useState<Choice>(initial);
  const save = useMutation({
    mutationFn: (authorization: Choice) =>
      callApi<{ authorization: Choice }>(`/api/requests/${requestId}/authorization`, {
        method: "PUT",
        body: { authorization },
      }),
    onMutate: (authorization) => {
      const previous = choice;
      setChoice(authorization);
      return { previous };
    },
    onError: (_error, _authorization, context) => setChoice(context?.previous ?? initial),
  });
  return (
    <fieldset>
      <legend>{t("legend")}</legend>
      {choices.map((option) => (
        <label key={option}>
          <input
            type="radio"
            name="authorization"
            value={option}
            checked={choice === option}
            disabled={save.isPending}
            onChange={() => save.mutate(option)}
          />{" "}
          {option === "none" ? t("none") : t("iam")}
        </label>
      ))}
      {save.isSuccess ? <p role="status">{t("saved")}</p> : null}
      {save.error ? (
        <p className="alert" role="alert">
          {save.error.message}
        </p>
      ) : null}
    </fieldset>
  );
}
