// Bearer tokens for the /admin API: ADMIN_TOKEN (named `admin`) or named ADMIN_TOKENS; the name goes to the audit.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../../errors/app-error.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** 404 while no token is configured, 401 without a token, 403 with a wrong one; sets the caller's name. */
export function adminAuth({ tokens, publicPaths = [] }: { tokens: Record<string, string>; publicPaths?: string[] }): MiddlewareHandler {
  const accepted = Object.entries(tokens).map(([name, token]) => ({ name, digest: digest(token) }));
  return async function authenticateAdmin(context, next) {
    // The console page and its script hold no data: they are public, and ask for a token themselves.
    if (publicPaths.includes(context.req.path)) return next();
    if (accepted.length === 0) throw new AppError({ code: 'not_found', message: 'Admin endpoints are disabled: set ADMIN_TOKEN (or ADMIN_TOKENS=name=token,…) to enable them.' });
    const token = /^Bearer\s+(.+)$/i.exec(context.req.header('authorization') ?? '')?.[1]?.trim();
    if (!token) throw new AppError({ code: 'unauthorized', message: 'Send an admin token as Authorization: Bearer <token>.' });
    const presented = digest(token);
    // Every token is compared, in constant time, so timing tells nothing about which one nearly matched.
    let name: string | null = null;
    for (const candidate of accepted) if (timingSafeEqual(candidate.digest, presented)) name = candidate.name;
    if (name === null) throw new AppError({ code: 'forbidden', message: 'The admin token is not valid.' });
    context.set('adminName' as never, name as never);
    await next();
  };
}

/** The name of the admin token that authenticated the request. */
export function adminName(context: Context): string {
  return String(context.get('adminName' as never) ?? 'admin');
}
