// @ts-check
// Plain JavaScript so that next.config.js (loaded by Node before any TypeScript) and the HTTP server in
// scripts/serve.ts share one list.

/**
 * Headers that are the same on every response, static files included (proxy.ts adds the per-request
 * Content-Security-Policy). HSTS is sent by production builds only: browsers ignore it over plain http
 * (RFC 6797 §8.1), so a localhost install keeps working, and behind a TLS proxy it needs no header
 * forwarding to be right; development servers never send it, so a developer's browser does not pin
 * localhost to https.
 * @param {boolean} production
 * @returns {{ key: string, value: string }[]}
 */
function staticSecurityHeaders(production) {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
    { key: "X-Frame-Options", value: "DENY" },
    ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
  ];
}

module.exports = { staticSecurityHeaders };
