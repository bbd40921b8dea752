import { isIP } from "node:net";

// What the sign-in handler can know about the client. With the App Router, next-auth hands
// `authorize` a request made of headers only: no socket. Next itself fills X-Forwarded-For with the
// socket's address when the request has none (`??=` in next/dist/server/base-server.js), but keeps
// one the client sent. So:
// - TRUST_PROXY=1 (a reverse proxy in front that appends the address it saw, as nginx's
//   $proxy_add_x_forwarded_for, Caddy and Traefik do): the rightmost X-Forwarded-For entry.
// - otherwise: X-Forwarded-For only when it holds a single address, which is what Next writes from
//   the socket; a multi-hop chain can only come from the client and is recorded as "unknown". A direct
//   client can still claim one address of its choosing; Next offers no way to tell, which is why
//   production runs behind the proxy. The per-account back-off does not depend on the address.
// X-Real-IP is not read: a proxy that does not overwrite it passes the client's own value through.

export const UNKNOWN_ADDRESS = "unknown";

type HeaderBag = Record<string, string | string[] | undefined> | undefined;

export function clientAddress(headers: HeaderBag, trustProxy: boolean): string {
  const raw = headerValue(headers, "x-forwarded-for");
  if (!raw) return UNKNOWN_ADDRESS;
  const hops = raw.split(",").map((h) => h.trim()).filter(Boolean);
  if (hops.length === 0 || (!trustProxy && hops.length > 1)) return UNKNOWN_ADDRESS;
  return normaliseAddress(hops[hops.length - 1]!);
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
