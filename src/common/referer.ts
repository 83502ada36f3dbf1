import type { Request } from 'express';

/** The page a request came from, as a path, when it is one of ours; null otherwise. */
export function sameSiteReferer(req: Request): string | null {
  const referer = req.get('referer');
  if (!referer) return null;
  try {
    const url = new URL(referer);
    return url.host === req.get('host') && url.pathname.startsWith('/') ? `${url.pathname}${url.search}` : null;
  } catch {
    return null;
  }
}
