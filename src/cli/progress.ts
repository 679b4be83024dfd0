/**
 * Build progress on stderr: a bar with documents/s and ETA redrawn in place on a terminal;
 * a plain line every few seconds otherwise (logs, CI); nothing with --quiet.
 */
import type { BuildProgress } from "../build.js";

export function progressReporter(stream: NodeJS.WriteStream, quiet: boolean): { update: (p: BuildProgress) => void; end: () => void } {
  if (quiet) return { update: () => undefined, end: () => undefined };
  const tty = stream.isTTY === true;
  let lastDraw = Date.now(); // nothing for builds that end within the first interval
  let drawn = false;
  const line = (p: BuildProgress) => {
    const rate = p.seconds > 0 ? p.documents / p.seconds : 0;
    const share = p.totalBytes > 0 ? Math.min(1, p.bytes / p.totalBytes) : 0;
    const eta = share > 0 && share < 1 ? (p.seconds * (1 - share)) / share : 0;
    const stats = `${p.documents} documents, ${p.skipped} skipped, ${rate.toFixed(1)} docs/s${eta ? `, ETA ${formatSeconds(eta)}` : ""}`;
    if (!tty) return `diplograph: ${Math.round(share * 100)}% ${stats}`;
    const width = 24;
    const full = Math.round(share * width);
    return `[${"#".repeat(full)}${"-".repeat(width - full)}] ${String(Math.round(share * 100)).padStart(3)}% ${stats}`;
  };
  return {
    update(p) {
      const now = Date.now();
      if (now - lastDraw < (tty ? 100 : 5000)) return;
      lastDraw = now;
      if (tty) {
        stream.write(`\r${line(p)}\x1b[K`);
        drawn = true;
      } else stream.write(line(p) + "\n");
    },
    end() {
      if (tty && drawn) stream.write("\r\x1b[K");
    },
  };
}

function formatSeconds(s: number): string {
  if (s < 60) return `${Math.ceil(s)} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${Math.round(s % 60)} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}
