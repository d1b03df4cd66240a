"use client";

import { useState } from "react";
import { useRequestAction } from "./request-actions";
import { ConfirmButton } from "@/components/confirm-dialog";
import type { RequestDetails } from "@/lib/requests/request-details";

// A platform admin asks to move an active exposure to another hub of its region; another admin approves it.

export function MoveToHub({ request }: { request: RequestDetails }) {
  const move = useRequestAction(request.id, `requests/${request.id}/move`);
  const [hubId, setHubId] = useState(request.can.moveTo[0]?.id ?? "");
  if (request.can.moveTo.length === 0) return null;
  return (
    <>
      <label>
        Target hub{" "}
        <select value={hubId} onChange={(event) => setHubId(event.target.value)}>
          {request.can.moveTo.map((hub) => (
            <option key={hub.id} value={hub.id}>
              {hub.label}
            </option>
          ))}
        </select>
      </label>
      <ConfirmButton
        label="Move to another hub"
        title={`Move ${request.apiName} to another hub?`}
        confirmLabel="Yes, request the move"
        onConfirm={() => move.mutate({ hubId })}
      >
        <p>
          Once another platform admin approves, the chain is built on the target hub and checked, the exposure switches
          there and the old hub&apos;s API, load balancer and endpoint are deleted. The new chain has a new REST API:
          consumers must call the new invoke URL. A failure before the switch leaves the current chain serving.
        </p>
      </ConfirmButton>
      {move.error ? <p className="alert">{move.error.message}</p> : null}
    </>
  );
}
