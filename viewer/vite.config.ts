import { defineConfig } from "vite";

// The explorer is a static bundle with relative URLs: served by `diplograph serve` at /, or from
// any folder next to a graph.json (?graph=graph.json), or opened and fed by drag-and-drop.
export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    rollupOptions: { input: { index: `${import.meta.dirname}/index.html`, bench: `${import.meta.dirname}/bench.html` } },
  },
});
