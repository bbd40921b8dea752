/** Set by scripts/serve.ts from the TCP peer on every request; any value a client sends is overwritten. */
export const CLIENT_ADDRESS_HEADER = "x-tracker-client-address";

/**
 * The address a request came from. Behind a reverse proxy every peer is the proxy, so with `trustProxy`
 * the proxy's X-Forwarded-For (its last entry: the one the proxy itself appended) is used instead.
 */
export function clientAddress(headers: Headers, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = headers.get("x-forwarded-for")?.split(",").map((part) => part.trim()).filter(Boolean);
    if (forwarded?.length) return forwarded[forwarded.length - 1]!;
  }
  return headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}
