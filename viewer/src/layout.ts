/**
 * Layout: a deterministic first placement (communities on a circle, members around their
 * community's centre) so the graph reads at first paint, then ForceAtlas2 in a web worker
 * (graphology-layout-forceatlas2/worker) that stops by itself after a while.
 */
import FA2Layout from "graphology-layout-forceatlas2/worker";
import forceAtlas2 from "graphology-layout-forceatlas2";
import type { ViewGraph } from "./data";

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0) / 4294967296;
}

export function initialPositions(graph: ViewGraph): void {
  const communities = new Map<number, string[]>();
  graph.forEachNode((id, a) => communities.set(a.community, [...(communities.get(a.community) ?? []), id]));
  const groups = [...communities.values()].sort((a, b) => b.length - a.length);
  const R = Math.sqrt(graph.order) * 10;
  groups.forEach((members, gi) => {
    const angle = (2 * Math.PI * gi) / groups.length;
    const cx = gi === 0 ? 0 : Math.cos(angle) * R;
    const cy = gi === 0 ? 0 : Math.sin(angle) * R;
    const r = Math.sqrt(members.length) * 6;
    for (const id of members) {
      const t = hash(id) * 2 * Math.PI;
      const d = Math.sqrt(hash(`${id}#`)) * r;
      graph.mergeNodeAttributes(id, { x: cx + Math.cos(t) * d, y: cy + Math.sin(t) * d });
    }
  });
}

export class Layout {
  private fa2: FA2Layout | undefined;
  private timer: number | undefined;
  onChange: (running: boolean) => void = () => undefined;

  constructor(private readonly graph: ViewGraph) {}

  get running(): boolean {
    return this.fa2?.isRunning() ?? false;
  }

  start(seconds = Math.min(12, 2 + this.graph.order / 500)): void {
    if (this.graph.order < 2) return;
    // Strong gravity keeps entities without contacts (role holders, places) near the network
    // instead of on a far ring; a larger scaling ratio spreads the stars of a busy protagonist.
    this.fa2 ??= new FA2Layout(this.graph, {
      settings: { ...forceAtlas2.inferSettings(this.graph), barnesHutOptimize: this.graph.order > 500, strongGravityMode: true, gravity: 0.5, scalingRatio: this.graph.order < 2000 ? 20 : 5 },
    });
    this.fa2.start();
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.stop(), seconds * 1000);
    this.onChange(true);
  }

  stop(): void {
    window.clearTimeout(this.timer);
    this.fa2?.stop();
    this.onChange(false);
  }

  kill(): void {
    this.stop();
    this.fa2?.kill();
  }
}
