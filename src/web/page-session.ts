import { randomBytes } from 'node:crypto';
import type { CookieOptions, NextFunction, Request, Response } from 'express';
import { doubleCsrf } from 'csrf-csrf';
import { CSRF_COOKIE, CSRF_FORM_FIELD, SESSION_COOKIE, TOKEN_COOKIE } from '../auth/auth.constants';
import { sameSiteReferer } from '../common/referer';
import { isPageRequest } from '../common/errors/all-exceptions.filter';
import { parsePageUpload, UploadParser } from '../attachments/upload.interceptor';
import { takeFlash } from './flash';

/**
 * Secure whenever the request came over HTTPS, directly or through a trusted proxy (`req.secure`
 * follows 'trust proxy'); COOKIE_SECURE=true (`forceSecure`) marks them Secure on every response.
 */
export function baseCookieOptions(res: Response, forceSecure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: forceSecure || res.req.secure, path: '/' };
}

/** Starts a fresh browser session id (at sign-in and sign-out, so a planted id is worthless). */
export function rotateBrowserSession(res: Response, forceSecure: boolean): void {
  res.cookie(SESSION_COOKIE, randomBytes(24).toString('hex'), baseCookieOptions(res, forceSecure));
  res.clearCookie(CSRF_COOKIE, baseCookieOptions(res, forceSecure));
}

/**
 * Page-only middleware: every browser gets a random session id, form posts must carry a CSRF token
 * bound to it (double-submit, HMAC-signed), and each page render gets a token for its forms.
 */
export function pageSessionMiddleware(secret: string, forceSecure: boolean, parseUploads: UploadParser) {
  const { doubleCsrfProtection, generateCsrfToken } = doubleCsrf({
    getSecret: () => secret,
    getSessionIdentifier: (req) => (req.cookies as Record<string, string>)[SESSION_COOKIE] ?? '',
    cookieName: CSRF_COOKIE,
    getCsrfTokenFromRequest: (req) => (req.body as Record<string, string> | undefined)?.[CSRF_FORM_FIELD] ?? req.get('x-csrf-token'),
  });
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!isPageRequest(req)) return next();
    const cookies = req.cookies as Record<string, string>;
    if (!cookies[SESSION_COOKIE]) {
      cookies[SESSION_COOKIE] = randomBytes(24).toString('hex');
      res.cookie(SESSION_COOKIE, cookies[SESSION_COOKIE], baseCookieOptions(res, forceSecure));
    }
    // An upload form carries its token among its fields like any other form: read them first.
    const parsed = req.method === 'POST' && req.is('multipart/form-data') ? parsePageUpload(parseUploads, req, res) : Promise.resolve();
    parsed.then(() => doubleCsrfProtection(req, res, (error?: unknown) => {
      // Signed out (in another window, or timed out) since the form was shown: sign in again, then back to it.
      if (error && !cookies[TOKEN_COOKIE]) return res.redirect(303, `/login?expired=1&next=${encodeURIComponent(sameSiteReferer(req) ?? '/')}`);
      if (error) return next(error);
      res.locals.csrfToken = generateCsrfToken(req, res, { cookieOptions: baseCookieOptions(res, forceSecure) });
      res.locals.currentUser = null;
      res.locals.nav = [];
      res.locals.cards = {};
      res.locals.flash = req.method === 'GET' ? takeFlash(req, res) : null;
      // A page still waiting for something (a notice's PDF) sets it to look again by itself.
      res.locals.refreshSeconds = null;
      next();
    }), next);
  };
}
