/** HttpOnly cookie holding the pages' access token. */
export const TOKEN_COOKIE = 'dbs_token';
/** Random browser-session id that CSRF tokens are bound to. */
export const SESSION_COOKIE = 'dbs_sid';
export const CSRF_COOKIE = 'dbs_csrf';
export const CSRF_FORM_FIELD = '_csrf';
export const JWT_ALGORITHM = 'HS256';
