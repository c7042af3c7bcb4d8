import { NextResponse, type NextRequest } from "next/server";

// A cheap first gate: no session cookie → sign-in, remembering where to come back to. The real
// check (valid session, membership, role) happens on the server in requireMember / workspaceAction.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(req: NextRequest) {
  if (SESSION_COOKIES.some((name) => req.cookies.has(name))) return NextResponse.next();
  const url = new URL("/sign-in", req.url);
  url.searchParams.set("callbackUrl", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/w/:path*", "/dashboard", "/onboarding"] };
