/**
 * The first line of `text` that is not blank, without its line ending (\n, \r\n or \r); "" when
 * every line is blank. Leading and trailing spaces are kept: callers that show it trim it.
 *
 * @example firstLine('\n  Expected 1 to be 2\n    at f (a.js:1)') // '  Expected 1 to be 2'
 */
export function firstLine(text: string): string {
  for (const line of text.split(LINE_BREAK)) if (line.trim() !== '') return line;
  return '';
}

const LINE_BREAK = /\r\n?|\n/;
