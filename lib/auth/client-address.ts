import { isIP } from "node:net";

// Where a request came from, for sign-in throttling and the sessions page. With the App Router,
// next-auth hands `authorize` a request made of headers only: no socket. So the production server
// (scripts/serve.ts) writes the TCP peer's address into CLIENT_ADDRESS_HEADER on every request,
// overwriting whatever a client sent there. Then:
// - TRUST_PROXY=1 (a reverse proxy in front that appends the address it saw, as nginx's
//   $proxy_add_x_forwarded_for, Caddy and Traefik do): every peer is the proxy, so the rightmost
//   X-Forwarded-For entry, the one the proxy appended, is the client.
// - otherwise: the peer address; X-Forwarded-For is never read, since a client can write anything there.
// X-Real-IP is not read: a proxy that does not overwrite it passes the client's own value through.
// Under `next dev` (no serve.ts) the address is "unknown".

export const CLIENT_ADDRESS_HEADER = "x-tracker-client-address";
export const UNKNOWN_ADDRESS = "unknown";

type HeaderBag = Record<string, string | string[] | undefined> | undefined;

export function clientAddress(headers: HeaderBag, trustProxy: boolean): string {
  if (trustProxy) {
    const hops = (headerValue(headers, "x-forwarded-for") ?? "").split(",").map((h) => h.trim()).filter(Boolean);
    if (hops.length > 0) return normaliseAddress(hops[hops.length - 1]!);
  }
  const peer = headerValue(headers, CLIENT_ADDRESS_HEADER);
  return peer ? normaliseAddress(peer) : UNKNOWN_ADDRESS;
}

/** A valid IPv4 or IPv6 address, IPv4-mapped IPv6 written as IPv4; anything else is "unknown". */
export function normaliseAddress(value: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  const address = mapped ? mapped[1]! : value.toLowerCase();
  return isIP(address) ? address : UNKNOWN_ADDRESS;
}

function headerValue(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  const value = headers[name] ?? Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return Array.isArray(value) ? value.join(",") : value;
}
