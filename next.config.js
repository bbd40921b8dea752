// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/**
 * Headers that are the same on every response, static files included (proxy.ts adds the per-request
 * Content-Security-Policy). HSTS is sent by production builds only: browsers ignore it over plain http
 * (RFC 6797 §8.1), so a localhost install keeps working, and behind a TLS proxy it needs no header
 * forwarding to be right; development servers never send it, so a developer's browser does not pin
 * localhost to https.
 */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "X-Frame-Options", value: "DENY" },
  ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native addons must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "read-excel-file", "write-excel-file"],
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
  // forbidden() answers 403 with app/forbidden.tsx.
  experimental: {
    authInterrupts: true,
    // Evidence uploads go through a server action: allow the configured file size plus form overhead.
    serverActions: { bodySizeLimit: `${Number(process.env.EVIDENCE_MAX_MB ?? 20) + 1}mb` },
    // The proxy (proxy.ts) runs on every request, and Next buffers a body for it only up to this size
    // (10 MB unless set), cutting off the rest: an evidence file over 10 MB then failed as a 500 and an
    // import near its 10 MB limit as unreadable. At least the larger of the two limits plus overhead.
    proxyClientMaxBodySize: `${Math.max(Number(process.env.EVIDENCE_MAX_MB ?? 20), 10) + 1}mb`,
  },
};

module.exports = withNextIntl(nextConfig);
