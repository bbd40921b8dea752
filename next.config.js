// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");
const { staticSecurityHeaders } = require("./lib/security/static-headers.js");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const securityHeaders = staticSecurityHeaders(process.env.NODE_ENV === "production");

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
