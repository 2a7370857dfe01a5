/**
 * Escaping for everything interpolated into an HTML document: text and attribute values alike.
 * Control characters are replaced first (see `plainText`), then the five characters that can end
 * text, open markup or leave an attribute value are written as character references, so a roadmap
 * item named `<img src=x onerror=alert(1)>` is shown as text and never parsed as markup.
 */
import { plainText } from './escape.js';

const HTML_SPECIAL = /[&<>"']/g;
const REFERENCE: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or a quoted attribute value: safe in either place. */
export function esc(text: string | number): string {
  return plainText(String(text)).replace(HTML_SPECIAL, (c) => REFERENCE[c]!);
}

/** A link target from report data: https only, otherwise undefined (the text is shown unlinked). */
export function safeHref(url: string | undefined): string | undefined {
  if (!url || !/^https:\/\/[^\s/]/.test(url) || /[\u0000-\u001f\u007f\s]/.test(url)) return undefined;
  return esc(url);
}
