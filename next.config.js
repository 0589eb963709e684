// Next.js configuration: security headers for every response. Type-checking runs in `npm test`
// (tsc), so the production build skips it to keep `npm start` quick on a fresh machine.
// The Content-Security-Policy is not here: it carries a fresh nonce per request, set in proxy.ts
// (server/http/content-security.ts). HSTS and Secure cookies depend on how the request arrived
// and are added by scripts/serve.ts.

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: { ignoreBuildErrors: true },
  // PGlite loads its WASM and data files relative to its own module URL; bundling breaks that.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg-boss"],
  async headers() {
    return [
      {
        // The respondent page's bundle (scripts/build-respondent.mjs): content-hashed names.
        source: "/_respondent/:file*",
        headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }],
      },
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
