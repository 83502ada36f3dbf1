import type { Request, Response } from 'express';
import { baseCookieOptions } from './page-session';

/** Carries one message across the redirect after a form: "已签收", "已印发，文号…". */
const FLASH_COOKIE = 'dbs_flash';
const FLASH_MAX_LENGTH = 300;

/**
 * Says what happened on the page the browser goes to next. The message holds nothing secret, so its
 * cookie is Secure when the request is, without COOKIE_SECURE's say.
 */
export function setFlash(res: Response, message: string): void {
  res.cookie(FLASH_COOKIE, message.slice(0, FLASH_MAX_LENGTH), { ...baseCookieOptions(res, false), maxAge: 60_000 });
}

/** The message left for this page, if any; it is shown once. */
export function takeFlash(req: Request, res: Response): string | null {
  const message = (req.cookies as Record<string, string | undefined>)[FLASH_COOKIE];
  if (message === undefined) return null;
  res.clearCookie(FLASH_COOKIE, baseCookieOptions(res, false));
  return message.slice(0, FLASH_MAX_LENGTH);
}
