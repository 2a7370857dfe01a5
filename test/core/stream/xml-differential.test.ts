// The XML scanner held to saxes: on real reports, on reports cut into chunks anywhere, on reports
// with characters flipped, inserted or deleted, and on generated XML, both report the same events,
// or the same error at the same line. (Documents the scanner hands to saxes are saxes's anyway.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunked, viaSaxes, viaScanner } from './xml-events.js';
import { FIXTURES } from '../../helpers/parse.js';

function xmlFixtures(dir = FIXTURES): string[] {
  return readdirSync(dir).flatMap((name) => {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) return xmlFixtures(abs);
    return /\.(xml|trx)$/.test(name) ? [abs] : [];
  });
}

// A file of documents written one after another, one a line (cargo test's JUnit, which rustdoc ends
// with a bare <report> element: see xml-many-documents.test.ts), is held to saxes a document at a time.
const fixtures = xmlFixtures().flatMap((path) => {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  if ((text.match(/<\?xml /g) ?? []).length < 2) return [{ path, text }];
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => ({ path: `${path} (line ${i + 1})`, text: line }));
});
const SPECIAL = [
  '<',
  '>',
  '&',
  '"',
  "'",
  ']',
  '-',
  '!',
  '?',
  '/',
  '=',
  ' ',
  '\n',
  '\r',
  '\t',
  ';',
  '#',
  'x',
  ':',
  '\u00e9',
  '\u0001',
  ']]>',
  '<!--',
  '-->',
  '<![CDATA[',
  '&amp;',
  '&#10;',
  '&bogus;',
  '<?pi x?>',
  '</a>',
  '<a b="c">',
];

/**
 * The scanner's outcome equals saxes's, unless the scanner left the document to saxes. One known
 * difference: an `&` with no `;` in the next 1024 characters is an error where it stands, where
 * saxes reads on to the next `;` (or the end); both refuse the document.
 */
function expectSameAsSaxes(text: string, cuts: readonly number[] = []): void {
  const chunks = chunked(text, cuts);
  const scanner = viaScanner(chunks);
  if ('handover' in scanner) return;
  const saxes = viaSaxes([text]);
  const shown = JSON.stringify(text.length < 400 ? text : `${text.slice(0, 400)}…`);
  if ('error' in scanner && scanner.error.startsWith('unterminated entity reference'))
    expect('error' in saxes, shown).toBe(true);
  else expect(scanner, shown).toEqual(saxes);
}

describe('the XML scanner against saxes', () => {
  it('reads every XML fixture itself (no hand-over), exactly as saxes does', () => {
    expect(fixtures.length).toBeGreaterThan(20);
    for (const { path, text } of fixtures) {
      const scanner = viaScanner([text]);
      expect('events' in scanner, path).toBe(true);
      expect(scanner, path).toEqual(viaSaxes([text]));
    }
  });

  it('gives the same events however the text is cut into chunks', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), fc.array(fc.nat(), { maxLength: 40 }), ({ text }, cuts) => {
        expect(viaScanner(chunked(text, cuts))).toEqual(viaScanner([text]));
      }),
      { numRuns: 300, seed: 20261121 },
    );
  });

  it('agrees with saxes on fixtures with characters flipped, inserted, deleted or cut off', () => {
    const edit = fc.record({
      at: fc.nat(),
      kind: fc.constantFrom('replace', 'insert', 'delete', 'cut'),
      piece: fc.constantFrom(...SPECIAL),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...fixtures),
        fc.array(edit, { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        ({ text }, edits, cuts) => {
          let mutated = text;
          for (const { at, kind, piece } of edits) {
            const i = at % (mutated.length + 1);
            if (kind === 'cut') mutated = mutated.slice(0, i);
            else if (kind === 'insert') mutated = mutated.slice(0, i) + piece + mutated.slice(i);
            else mutated = mutated.slice(0, i) + (kind === 'replace' ? piece : '') + mutated.slice(i + 1);
          }
          expectSameAsSaxes(mutated, cuts);
        },
      ),
      { numRuns: 2_000, seed: 20261121 },
    );
  });

  it('agrees with saxes on generated XML, well-formed or not', () => {
    const name = fc.constantFrom('a', 'b', 'x:y', 'testcase', '_1', 'é', '1a', '-', '');
    const value = fc
      .array(
        fc.constantFrom(
          'v',
          ' ',
          '\t',
          '\n',
          '\r\n',
          '&amp;',
          '&#x41;',
          '&#0;',
          '&lt',
          '<',
          '>',
          '"',
          "'",
          ']]>',
          'é',
          '\u0001',
          '&a\u0002;',
        ),
        { maxLength: 5 },
      )
      .map((p) => p.join(''));
    const attribute = fc
      .tuple(name, fc.constantFrom('=', ' = ', '', '=\n'), fc.constantFrom('"', "'", ''), value)
      .map(([n, eq, q, v]) => ` ${n}${eq}${q}${v}${q}`);
    const token = fc.oneof(
      fc
        .tuple(name, fc.array(attribute, { maxLength: 3 }), fc.constantFrom('>', '/>', ' >', '\n/>', ''))
        .map(([n, attrs, end]) => `<${n}${attrs.join('')}${end}`),
      name.map((n) => `</${n}>`),
      fc.constantFrom(
        'text',
        ' ',
        '\n',
        '\r\n',
        '\r',
        '&amp;',
        '&#10;',
        '&undefined;',
        '& ',
        ']]>',
        ']]',
        '<![CDATA[ x ]]>',
        '<!-- c -->',
        '<!-- a -- b -->',
        '<?pi data?>',
        '<?xml x?>',
        '<!DOCTYPE a>',
        '<!x>',
        '\u0007',
        '\uFFFE',
        '😀',
        '<!-- \u0001 -->',
        '<![CDATA[\u0001]]>',
        '<?pi \u0001?>',
        '&a\u0001;',
        '<a\u0001/>',
        '</\u0001>',
        '<!-\u0001',
        '<?\u0001?>',
      ),
    );
    const doc = fc
      .tuple(fc.constantFrom('', '<?xml version="1.0"?>\n', '<!-- head -->\n'), fc.array(token, { maxLength: 12 }))
      .map(([head, tokens]) => `${head}<r>${tokens.join('')}</r>`);
    fc.assert(
      fc.property(doc, fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => expectSameAsSaxes(text, cuts)),
      { numRuns: 3_000, seed: 20261121 },
    );
  });
});
