// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native addons must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "read-excel-file", "write-excel-file"],
  poweredByHeader: false,
  // forbidden() answers 403 with app/forbidden.tsx.
  experimental: {
    authInterrupts: true,
    // Evidence uploads go through a server action: allow the configured file size plus form overhead.
    serverActions: { bodySizeLimit: `${Number(process.env.EVIDENCE_MAX_MB ?? 20) + 1}mb` },
  },
};

module.exports = withNextIntl(nextConfig);
