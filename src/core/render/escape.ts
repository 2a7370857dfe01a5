/**
 * Escaping for everything interpolated into GitHub Markdown: HTML, Markdown syntax, every table
 * pipe, @mentions (a test named `@org/team` must not ping a team), references GitHub turns into
 * cross-references on other issues (`#123`, `owner/repo#123`, `GH-123`, issue and pull request
 * URLs), and bidirectional overrides that make text read other than it is. Hand-written because no
 * library escapes for GitHub's renderer specifically; each rule is tested.
 */

const ZWSP = '\u200B';
// Characters that start Markdown formatting mid-line. `(` needs no escape once `[` and `]` are.
const MD_SPECIAL = /[\\`*_[\]|~>]/g;
const MENTION = /@(?=[A-Za-z0-9])/g;

/** C0 and C1 control characters but tab and line feed (after line endings are made \n). */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
/** Bidirectional embeddings, overrides and isolates (LRE…RLO, LRI…PDI): "Trojan source" text. */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/g;
/**
 * What GitHub links to an issue or pull request and records on its timeline: `#123` (also after
 * `owner/repo`), `GH-123`, and issue, pull request and discussion URLs. A zero-width space after
 * `#`, inside `GH-` and in the host breaks each; the text reads the same.
 */
const ISSUE_NUMBER = /#(?=\d)/g;
const GH_NUMBER = /\b(GH)-(?=\d)/gi;
const ISSUE_URL = /\b(github)\.(com\/[\w.-]+\/[\w.-]+\/(?:issues|pull|discussions)\/\d)/gi;

/**
 * Report text with every line ending as `\n` and no other control character. A lone `\r` ends a
 * line for CommonMark as much as `\n` does: left in, it would end a list item or a code block
 * early and let the rest be read as top-level Markdown and HTML. Every function here starts with it.
 */
export function plainText(text: string): string {
  return withoutBidi(text.replace(/\r\n?/g, '\n').replace(CONTROL, '\uFFFD'));
}

/** Bidirectional overrides as U+FFFD: for plain-text fields (titles, annotation messages) too. */
export function withoutBidi(text: string): string {
  return text.replace(BIDI, '\uFFFD');
}

/** Text with GitHub's issue references broken, so quoting them cross-references nothing. */
function noReferences(text: string): string {
  return text.replace(ISSUE_NUMBER, `#${ZWSP}`).replace(GH_NUMBER, `$1${ZWSP}-`).replace(ISSUE_URL, `$1${ZWSP}.$2`);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Inline text: no HTML, no Markdown formatting, no mentions, no references, no line breaks. */
export function md(text: string): string {
  return noReferences(escapeHtml(plainText(text)))
    .replace(MD_SPECIAL, (c) => (c === '>' ? '&gt;' : `\\${c}`))
    .replace(MENTION, `@${ZWSP}`)
    .replace(/\n/g, ' ');
}

/** A table cell: as `md`, pipes always escaped (every one of them), newlines as <br>. */
export function cell(text: string): string {
  return noReferences(escapeHtml(plainText(text)))
    .replace(MD_SPECIAL, (c) => (c === '>' ? '&gt;' : `\\${c}`))
    .replace(MENTION, `@${ZWSP}`)
    .replace(/\n/g, '<br>');
}

/**
 * An inline code span. Backslash escapes do not work inside code spans, so the span's fence is made
 * longer than any backtick run in the text; in a table cell pipes are still escaped (GFM strips the
 * backslash there). Mentions and HTML are inert inside code spans.
 */
export function code(raw: string, inTable = false): string {
  const text = plainText(raw);
  let longest = 0;
  for (const run of text.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  const fence = '`'.repeat(longest + 1);
  let body = text.replace(/\n/g, ' ');
  if (inTable) body = body.replace(/\|/g, '\\|');
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A fenced code block whose fence is longer than any backtick run inside, so it cannot be closed early. */
export function codeBlock(raw: string, lang = ''): string {
  const text = plainText(raw);
  let longest = 0;
  for (const run of text.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  // Mentions are not linked inside code blocks, but HTML-like text is harmless there too.
  return `${fence}${lang}\n${text}\n${fence}`;
}

/** Text for an annotation title or a check-run title: single line, bounded. */
export function plainLine(text: string, max: number): string {
  const single = withoutBidi(text).replace(/\s+/g, ' ').trim();
  return single.length > max ? `${single.slice(0, max - 1)}…` : single;
}
