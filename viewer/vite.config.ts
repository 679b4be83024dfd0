import { defineConfig } from "vite";

// The explorer is a static bundle with relative URLs: served by `diplograph serve` at /, or from
// any folder next to a graph.json (?graph=graph.json), or opened and fed by drag-and-drop.
export default defineConfig({
  root: __dirname,
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    rollupOptions: { input: { index: `${__dirname}/index.html`, bench: `${__dirname}/bench.html` } },
  },
});
