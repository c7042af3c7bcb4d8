import { NextResponse, type NextRequest } from "next/server";

// Runs before every page (not API routes or static files):
// 1. A cheap first gate for the dashboard: no session cookie → sign-in, remembering where to come
//    back to. The real check (valid session, membership, role) happens on the server in
//    requireMember / workspaceAction.
// 2. A strict Content-Security-Policy with a fresh nonce per request (the Next.js CSP guide); Next.js
//    reads the nonce from the request's CSP header and puts it on its own scripts.
// 3. A request id (x-request-id) for lib/log.ts.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/** The paths that need a session cookie (exactly the former matcher: /w/:path*, /dashboard, /onboarding). */
function needsSession(pathname: string): boolean {
  return pathname === "/w" || pathname.startsWith("/w/") || pathname === "/dashboard" || pathname === "/onboarding";
}

/** The public changelog portal is the only HTML that other sites may frame. */
function isFramable(pathname: string): boolean {
  return pathname === "/changelog" || pathname.startsWith("/changelog/");
}

// Stripe.js on the billing page (https://docs.stripe.com/security/guide#content-security-policy).
const STRIPE = { script: "https://js.stripe.com", frames: "https://js.stripe.com https://hooks.stripe.com", connect: "https://api.stripe.com" };
// Sign-in with GitHub/Google and Stripe's hosted pages are reached by a form post that redirects there.
const FORM_TARGETS = "https://github.com https://accounts.google.com https://checkout.stripe.com https://billing.stripe.com";

function contentSecurityPolicy(nonce: string, framable: boolean): string {
  const dev = process.env.NODE_ENV === "development";
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': scripts that the nonced Next.js runtime loads (Stripe.js included) are trusted;
    // the host and 'self' entries serve only browsers without CSP 3. React needs eval only in development.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' ${STRIPE.script}${dev ? " 'unsafe-eval'" : ""}`,
    // Style attributes are used by previews and theme colours; a nonce here would forbid them. Styles run no code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src 'self' ${STRIPE.connect}${dev ? " ws:" : ""}`,
    `frame-src ${STRIPE.frames}`,
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${FORM_TARGETS}`,
    // The dashboard and sign-in pages may never be framed (clickjacking); the public changelog may be embedded.
    `frame-ancestors ${framable ? "*" : "'none'"}`,
  ];
  // Only over HTTPS: on a plain-HTTP local install it would break every asset.
  if (process.env.APP_URL?.startsWith("https://")) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

export function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  if (needsSession(pathname) && !SESSION_COOKIES.some((name) => req.cookies.has(name))) {
    const url = new URL("/sign-in", req.url);
    url.searchParams.set("callbackUrl", pathname + req.nextUrl.search);
    return NextResponse.redirect(url);
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, isFramable(pathname));
  const headers = new Headers(req.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  headers.set("x-request-id", crypto.randomUUID());
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("Content-Security-Policy", csp);
  return res;
}

// Every page; not API routes (the SDK API must stay cookie- and CSP-free), Next's static files, or /sdk.js.
export const config = { matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|sdk\\.js).*)"] };
