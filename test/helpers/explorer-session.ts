/** The explorer served over a build of the bundled corpus, with a browser, for the end-to-end tests. */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { build } from "../../src/build.js";
import { createServer, type ServerOptions } from "../../src/server/server.js";
import { CORPUS, ROOT, tempDir } from "./paths.js";
import { launchBrowser } from "./browser.js";

const ARTIFACTS = join(ROOT, "test/artifacts");

/**
 * The explorer served over a build of the bundled corpus (or the build `makeBuild` writes into
 * the folder it is given), with a browser: registers the beforeAll/afterAll hooks of the describe
 * block it is called in.
 */
export function explorerSession(opts: { makeBuild?: (out: string) => Promise<unknown>; server?: ServerOptions } = {}) {
  let app: FastifyInstance | undefined;
  let browser: Browser | undefined;
  const session = { base: "", out: "" };
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    session.out = tempDir();
    await (opts.makeBuild ? opts.makeBuild(session.out) : build([CORPUS], { out: session.out }));
    app = await createServer(session.out, { viewerDir: join(ROOT, "viewer/dist"), ...opts.server });
    session.base = await app.listen({ port: 0, host: "127.0.0.1" });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  return {
    get base() {
      return session.base;
    },
    get out() {
      return session.out;
    },
    /** A page of the explorer, ready, with its console errors collected. */
    async openPage(path: string, onPage?: (page: Page) => void): Promise<{ page: Page; errors: string[] }> {
      const page = await (browser as Browser).newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(e.message));
      onPage?.(page);
      await page.goto(session.base + path);
      await page.waitForFunction(() => window.__diplograph?.ready === true, null, { timeout: 30_000 });
      return { page, errors };
    },
    /** A screenshot of what the user sees, into test/artifacts/. */
    shot: (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) }),
  };
}
