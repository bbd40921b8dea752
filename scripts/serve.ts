// The production HTTP server that `npm start` runs: Next's own request handler behind two checks that
// Next cannot make itself (https://nextjs.org/docs/app/guides/custom-server).
import { createServer } from "node:http";
import next from "next";
import { isDecodableTarget } from "@/lib/security/request-target";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { staticSecurityHeaders } from "@/lib/security/static-headers.js";

const port = Number(process.env.PORT ?? 3000);
const app = next({ dev: false, port });
const handle = app.getRequestHandler();

const BAD_REQUEST_HEADERS: Record<string, string> = {
  "Content-Type": "text/plain; charset=utf-8",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "Cache-Control": "no-store",
  ...Object.fromEntries(staticSecurityHeaders(true).map((h) => [h.key, h.value])),
};

async function main() {
  await app.prepare();
  const server = createServer((req, res) => {
    // Next answers an undecodable path with a bare 500 and none of the security headers.
    if (!isDecodableTarget(req.url ?? "/")) {
      res.writeHead(400, BAD_REQUEST_HEADERS);
      res.end("400 Bad Request: the address is not valid percent-encoded UTF-8.\n");
      return;
    }
    // The peer's address for sign-in throttling and the security log, set here from the socket so that
    // a client can never choose it (lib/auth/client-address.ts decides when a proxy's header counts).
    req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? "unknown";
    void handle(req, res);
  });
  server.listen(port, () => console.log(`✓ Ready on http://localhost:${port}`));
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      server.close(() => process.exit(0));
      server.closeAllConnections();
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
