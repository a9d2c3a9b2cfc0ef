// Security headers on every response, and a Content-Security-Policy with frame-ancestors on the HTML pages.
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

// Every header secureHeaders knows, off: each middleware below turns on only what it adds.
const none = {
  xContentTypeOptions: false,
  referrerPolicy: false,
  xFrameOptions: false,
  crossOriginOpenerPolicy: false,
  crossOriginResourcePolicy: false,
  strictTransportSecurity: false,
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
} as const;

/**
 * nosniff, no referrer, no framing. Cross-Origin-Resource-Policy is left out on purpose: other sites load
 * /widget.js and call the API. HSTS belongs to whatever terminates TLS in front of the service.
 */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({ ...none, xContentTypeOptions: true, referrerPolicy: true, xFrameOptions: 'DENY', crossOriginOpenerPolicy: true });
}

/**
 * The policy of the HTML pages (the demo page and /docs): scripts only from this origin, no plugins, no base
 * or form tricks, never framed. Inline styles are allowed: the pages and the widget's Shadow DOM use them.
 */
export function htmlPagePolicy(): MiddlewareHandler {
  return secureHeaders({
    ...none,
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      connectSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      baseUri: ["'none'"],
      formAction: ["'none'"],
      frameAncestors: ["'none'"],
    },
  });
}
