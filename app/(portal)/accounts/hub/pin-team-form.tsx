"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { callApi } from "@/components/api-client";

type Team = { id: string; name: string };

/** The teams pinned to a hub (each can be unpinned) and a picker to pin another. */
export function PinTeamForm({
  hubId,
  label,
  teams,
  pinned,
}: {
  hubId: string;
  label: string;
  teams: Team[];
  pinned: Team[];
}) {
  const router = useRouter();
  const t = useTranslations("hubs.pins");
  const [teamId, setTeamId] = useState("");
  const pin = useMutation({
    mutationFn: (input: { teamId: string; pinned: boolean }) =>
      callApi(`/api/hubs/${hubId}/pin`, { method: "POST", body: input }),
    onSuccess: () => {
      setTeamId("");
      router.refresh();
    },
  });
  const unpinned = teams.filter((team) => !pinned.some((candidate) => candidate.id === team.id));
  return (
    <div>
      <p>
        {t("pinned")}{" "}
        {pinned.length === 0
          ? t("none")
          : pinned.map((team) => (
              <span key={team.id}>
                {team.name}{" "}
                <button type="button" onClick={() => pin.mutate({ teamId: team.id, pinned: false })}>
                  {t("unpin", { team: team.name })}
                </button>{" "}
              </span>
            ))}
      </p>
      <label>
        {t("pinTo", { label })}{" "}
        <select value={teamId} onChange={(event) => setTeamId(event.target.value)}>
          <option value="">{t("chooseTeam")}</option>
          {unpinned.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </label>{" "}
      <button type="button" disabled={!teamId || pin.isPending} onClick={() => pin.mutate({ teamId, pinned: true })}>
        {t("pin")}
      </button>
      {pin.error ? (
        <p role="alert" className="alert">
          {pin.error.message}
        </p>
      ) : null}
    </div>
  );
}
