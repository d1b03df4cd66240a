"use client";

import ELK from "elkjs/lib/elk.bundled.js";
import { useEffect, useRef, useState } from "react";
import { layoutTopology, type TopologyLayout } from "@/lib/topology/layout";
import type { TopologyGraph } from "@/lib/topology/model";

// Runs the pure ELK layout for a graph: in a Web Worker for large graphs, on the main thread for small ones (and as
// the fallback when a worker cannot start). Reports how long the layout took and where it ran.

const workerAbove = 80;

export type LaidOut = { graph: TopologyGraph; layout: TopologyLayout; layoutMs: number; engine: "worker" | "main" };

type Pending = (result: { layout?: TopologyLayout; error?: string }) => void;

function useLayoutWorker() {
  const worker = useRef<Worker | null>(null);
  const pending = useRef(new Map<number, Pending>());
  const nextId = useRef(0);
  useEffect(() => {
    const callbacks = pending.current;
    try {
      worker.current = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
      worker.current.onmessage = (event: MessageEvent<{ id: number; layout?: TopologyLayout; error?: string }>) => {
        callbacks.get(event.data.id)?.(event.data);
        callbacks.delete(event.data.id);
      };
    } catch {
      worker.current = null;
    }
    return () => worker.current?.terminate();
  }, []);
  return (graph: TopologyGraph): Promise<TopologyLayout> | undefined => {
    if (!worker.current) return undefined;
    const id = nextId.current++;
    worker.current.postMessage({ id, graph });
    return new Promise((resolve, reject) =>
      pending.current.set(id, (result) => (result.layout ? resolve(result.layout) : reject(new Error(result.error)))),
    );
  };
}

export function useTopologyLayout(graph: TopologyGraph | undefined): { laidOut?: LaidOut; error?: string } {
  const [state, setState] = useState<{ laidOut?: LaidOut; error?: string }>({});
  const layoutInWorker = useLayoutWorker();
  const [elk] = useState(() => new ELK());
  useEffect(() => {
    if (!graph) return;
    let current = true;
    const started = performance.now();
    const inWorker = graph.nodes.length > workerAbove ? layoutInWorker(graph) : undefined;
    (inWorker ?? layoutTopology(graph, elk))
      .then(
        (layout) =>
          current &&
          setState({
            laidOut: { graph, layout, layoutMs: performance.now() - started, engine: inWorker ? "worker" : "main" },
          }),
      )
      .catch(
        (error: unknown) => current && setState({ error: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      current = false;
    };
    // The worker helper is stable in behaviour; re-run only when the graph changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [graph, elk]);
  return state;
}
