// Compares presented keys and tokens with the configured ones in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * A matcher for `secrets`: it returns the matching secret or null. Both sides are hashed to equal lengths and every
 * secret is compared, so the time taken says nothing about how much of a guess was right.
 */
export function secretMatcher(secrets: string[]): (candidate: string) => string | null {
  const digests = secrets.map((secret) => ({ secret, digest: digest(secret) }));
  return function match(candidate) {
    const presented = digest(candidate);
    let found: string | null = null;
    for (const entry of digests) if (timingSafeEqual(entry.digest, presented) && found === null) found = entry.secret;
    return found;
  };
}

/** A stable, non-reversible name for a secret, safe to store and log (`key:` + 128 bits of its SHA-256). */
export function secretName(secret: string): string {
  return `key:${digest(secret).subarray(0, 16).toString('hex')}`;
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  return /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim() || null;
}
