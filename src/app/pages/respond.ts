/**
 * Answers a badge or page request: a strong ETag from the body, 304 when `If-None-Match` names
 * it, `Cache-Control` as given (GitHub's image proxy and shields.io honour `max-age`), no body on
 * HEAD, and headers that keep a browser from sniffing the type or sending the URL (which may
 * carry a token) to the sites the page links to.
 *
 * @example send(req, res, { status: 200, type: 'image/svg+xml', body: svg, cache: 'public, max-age=300' })
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Reply {
  status: number;
  type: string;
  body: string;
  cache: string;
  /** Extra headers (a Content-Security-Policy). */
  headers?: Record<string, string>;
}

export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** True when the request's If-None-Match lists this ETag (weak or strong) or is `*`. */
export function notModified(req: IncomingMessage, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

export function send(req: IncomingMessage, res: ServerResponse, reply: Reply): true {
  const etag = etagOf(reply.body);
  const common = {
    etag,
    'cache-control': reply.cache,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...reply.headers,
  };
  if (reply.status === 200 && notModified(req, etag)) {
    res.writeHead(304, common);
    res.end();
    return true;
  }
  res.writeHead(reply.status, {
    ...common,
    'content-type': reply.type,
    'content-length': Buffer.byteLength(reply.body),
  });
  res.end(req.method === 'HEAD' ? undefined : reply.body);
  return true;
}
