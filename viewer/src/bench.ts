/**
 * Explorer benchmark: a generated graph of the explorer's size target (default 50,000 entities
 * and 200,000 events; ?nodes=&edges= to change) drawn with the explorer's renderer settings;
 * reports the first paint and frame times while panning and zooming. Figures land in
 * window.__bench and in the page.
 */
import Sigma from "sigma";
import { EdgeArrowProgram, EdgeLineProgram, EdgeRectangleProgram, NodePointProgram, NodeCircleProgram } from "sigma/rendering";
import { MultiDirectedGraph } from "graphology";
import { seededRandom as rng } from "../../src/util/random";

declare global {
  interface Window {
    __bench?: Record<string, number | string>;
  }
}

async function frames(n: number, step: (i: number) => void): Promise<number[]> {
  const times: number[] = [];
  let last = performance.now();
  for (let i = 0; i < n; i++) {
    step(i);
    await new Promise((r) => requestAnimationFrame(r));
    const now = performance.now();
    times.push(now - last);
    last = now;
  }
  return times;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

async function main(): Promise<void> {
  const params = new URL(window.location.href).searchParams;
  const N = Number(params.get("nodes") ?? 50_000);
  const E = Number(params.get("edges") ?? 200_000);
  const rand = rng(7);
  const t0 = performance.now();
  const graph = new MultiDirectedGraph();
  const colors = ["#d9480f", "#1f6feb", "#2f9e44", "#9c36b5"];
  for (let i = 0; i < N; i++) {
    // Clustered positions, as a laid-out graph would have.
    const c = Math.floor(rand() * 40);
    const angle = (c / 40) * Math.PI * 2;
    graph.addNode(`n${i}`, { x: Math.cos(angle) * 100 + (rand() - 0.5) * 30, y: Math.sin(angle) * 100 + (rand() - 0.5) * 30, size: 1 + rand() * 4, color: colors[i % 4], label: `实体 ${i}` });
  }
  for (let i = 0; i < E; i++) {
    const s = Math.floor(Math.pow(rand(), 2) * N);
    const t = Math.floor(rand() * N);
    graph.addEdge(`n${s}`, `n${t}`, { size: 0.5, color: "#c0c6d0", type: i % 4 === 0 ? "arrow" : "line" });
  }
  const generated = performance.now() - t0;
  const t1 = performance.now();
  // The explorer's settings for large graphs (see viewer/src/main.ts: lightweight programs past 10,000 events).
  const large = params.get("programs") !== "full";
  const sigma = new Sigma(graph, document.getElementById("graph") as HTMLElement, {
    edgeProgramClasses: { line: large ? EdgeLineProgram : EdgeRectangleProgram, arrow: large ? EdgeLineProgram : EdgeArrowProgram },
    nodeProgramClasses: { circle: large ? NodePointProgram : NodeCircleProgram },
    labelRenderedSizeThreshold: 12,
    labelDensity: 0.07,
  });
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const firstPaint = performance.now() - t1;
  const camera = sigma.getCamera();
  const pan = await frames(60, (i) => camera.setState({ x: 0.5 + 0.2 * Math.sin(i / 10), y: 0.5 + 0.2 * Math.cos(i / 10) }));
  const zoom = await frames(60, (i) => camera.setState({ ratio: 1 / (1 + (i % 30) / 10) }));
  const result = {
    nodes: N,
    edges: E,
    generateMs: Math.round(generated),
    firstPaintMs: Math.round(firstPaint),
    panFrameP50Ms: Number(pct(pan, 50).toFixed(1)),
    panFrameP95Ms: Number(pct(pan, 95).toFixed(1)),
    zoomFrameP50Ms: Number(pct(zoom, 50).toFixed(1)),
    zoomFrameP95Ms: Number(pct(zoom, 95).toFixed(1)),
  };
  window.__bench = result;
  (document.getElementById("report") as HTMLElement).textContent = JSON.stringify(result);
}

void main();
