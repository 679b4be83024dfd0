/**
 * Protections every answer gets: security headers (a Content-Security-Policy the explorer runs
 * under, no MIME sniffing, no framing) and a Host header allow-list against DNS rebinding — a
 * web page on another site whose name is made to point at 127.0.0.1 must not read the server.
 * IP literals are always accepted (a rebinding needs a name); names only when they are the bound
 * host, localhost, or allowed by --allow-host.
 */
import type { FastifyInstance } from "fastify";
import { isIP } from "node:net";

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Sigma and the panel set element styles; the FA2 layout runs in a worker made from a blob.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** The host name of a Host header: without port, lower case, brackets kept off IPv6. */
export function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(1, h.indexOf("]") < 0 ? undefined : h.indexOf("]"));
  return h.replace(/:\d*$/, "").replace(/\.$/, "");
}

/** Whether a Host header names this server: an IP literal, localhost, or an allowed name. */
export function hostAllowed(header: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (!header) return false;
  const name = hostName(header);
  return isIP(name) !== 0 || name === "localhost" || allowed.has(name);
}

export function registerSecurity(app: FastifyInstance, allowHosts: string[]): void {
  const allowed = new Set(allowHosts.map(hostName));
  app.addHook("onRequest", async (req, reply) => {
    if (hostAllowed(req.headers.host, allowed)) return;
    const name = req.headers.host ? hostName(req.headers.host) : "";
    return reply
      .code(403)
      .type("text/plain; charset=utf-8")
      .send(name ? `host "${name}" is not served here (DNS rebinding protection); start the server with --allow-host ${name} to allow it\n` : "a Host header is required\n");
  });
  app.addHook("onSend", async (_req, reply, payload) => {
    reply.header("content-security-policy", CONTENT_SECURITY_POLICY);
    reply.header("x-content-type-options", "nosniff");
    reply.header("x-frame-options", "DENY");
    reply.header("referrer-policy", "no-referrer");
    return payload;
  });
}
