import ELK from "elkjs/lib/elk.bundled.js";
import { layoutTopology } from "@/lib/topology/layout";
import type { TopologyGraph } from "@/lib/topology/model";

// Lays large graphs out off the main thread, so the page stays responsive while ELK works.

const elk = new ELK();

self.onmessage = async (event: MessageEvent<{ id: number; graph: TopologyGraph }>) => {
  const { id, graph } = event.data;
  try {
    self.postMessage({ id, layout: await layoutTopology(graph, elk) });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
