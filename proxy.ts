import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/cookies";
import { contentSecurityPolicy, newNonce } from "@/lib/security/headers";

// Next 16's proxy (formerly middleware): it only sets headers. It authorizes nothing; every page,
// action and route handler checks the user itself.

/**
 * A fresh nonce per request in the Content-Security-Policy. Next reads the policy from the request
 * headers while rendering and puts its nonce on the framework's scripts and the page's chunks, so the
 * policy is set on the request as well as on the response. Every page is rendered per request already
 * (the root layout reads the language cookie), which nonces require.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  // What a signed-in user sees must not stay in a shared or back-button cache.
  if (SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name))) response.headers.set("Cache-Control", "no-store");
  return response;
}

export const config = {
  // Everything but the build's hashed static files, which carry no page and no user data. Route
  // handlers, downloads and the 404 page get the policy too.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
