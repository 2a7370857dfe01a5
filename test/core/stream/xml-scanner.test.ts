// The XML scanner and parseXml around it: what goes to saxes, what the scanner reads itself,
// attribute objects, chunk boundaries and errors. (xml-differential.test.ts holds it to saxes.)
import { describe, expect, it } from 'vitest';
import { ReportParseError } from '../../../src/core/errors.js';
import { parseXml } from '../../../src/core/stream/xml.js';
import { XmlScanner } from '../../../src/core/stream/xml-scanner.js';
import { chunked, viaScanner } from './xml-events.js';
import { context, textSource } from '../../helpers/parse.js';

/** Element names and attribute objects parseXml hands a visitor, or the error it throws. */
async function visit(
  xml: string,
): Promise<{ names: string[]; attributes: Record<string, string>[]; text: string } | ReportParseError> {
  const names: string[] = [];
  const attributes: Record<string, string>[] = [];
  let text = '';
  try {
    await parseXml(context(textSource(xml, 'r.xml')), {
      open(name, attrs) {
        names.push(name);
        attributes.push(attrs);
      },
      text(t) {
        text += t;
      },
    });
  } catch (error) {
    if (error instanceof ReportParseError) return error;
    throw error;
  }
  return { names, attributes, text };
}

describe('which documents the scanner leaves to saxes', () => {
  it.each([
    ['an internal DTD subset', '<!DOCTYPE r [<!ENTITY e "x">]><r/>'],
    ['XML 1.1', '<?xml version="1.1"?><r/>'],
    ['a processing instruction before the root', '<?xml-stylesheet href="a.xsl"?><r/>'],
    ['whitespace before the XML declaration', ' <?xml version="1.0"?><r/>'],
    ['text before the root', 'x<r/>'],
    ['an empty file', ''],
    ['a malformed comment before the root', '<!-- a -- b --><r/>'],
  ])('%s', (_what, xml) => {
    expect(viaScanner([xml])).toEqual({ handover: true });
  });

  it.each([
    [
      'a declaration, a comment and an external DTD',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!-- tool 1.2 -->\n<!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd">\n<r/>',
    ],
    ['a declaration with single quotes and a space before ?>', "<?xml version='1.0' encoding='UTF-8' ?><r/>"],
    [
      'a DOCTYPE naming a system DTD',
      '<!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd"><coverage/>',
    ],
  ])('but reads %s itself', (_what, xml) => {
    expect(viaScanner([xml])).toMatchObject({
      events: [
        ['open', expect.any(String), {}, expect.any(Number)],
        ['close', expect.any(String)],
      ],
    });
  });

  it('a document saxes reads still reaches the visitor, depth limit included', async () => {
    const result = await visit('<?xml version="1.1"?><testsuite name="s"><testcase name="t"/></testsuite>');
    expect(result).toMatchObject({ names: ['testsuite', 'testcase'] });
    const deep = await visit(`<!DOCTYPE r [<!ENTITY e "x">]><r>${'<a>'.repeat(600)}${'</a>'.repeat(600)}</r>`);
    expect((deep as ReportParseError).message).toBe('r.xml:1: XML nested deeper than 512 elements');
  });
});

describe('what the scanner reads', () => {
  it('hands over attributes as a prototype-less object, whatever they are called', async () => {
    const result = await visit('<r __proto__="p" constructor="c" a="1"/>');
    if (result instanceof ReportParseError) throw result;
    const [attrs] = result.attributes;
    expect(Object.entries(attrs!)).toEqual([
      ['__proto__', 'p'],
      ['constructor', 'c'],
      ['a', '1'],
    ]);
    expect(Object.getPrototypeOf(Object.getPrototypeOf(attrs))).toBeNull();
    expect((attrs as Record<string, unknown>).toString).toBeUndefined();
  });

  it('decodes references and normalises newlines and attribute whitespace as XML says', async () => {
    const result = await visit(
      '<r a="x&#10;y\r\nz\tw&amp;&quot;">a\r\nb\rc&lt;&#x1F600;<![CDATA[<raw>&amp;]]><!-- not text --></r>',
    );
    if (result instanceof ReportParseError) throw result;
    expect(result.attributes[0]).toEqual({ a: 'x\ny z w&"' });
    expect(result.text).toBe('a\nb\nc<😀<raw>&amp;');
  });

  it.each([
    ['the scanner', ''],
    ['saxes', '<!DOCTYPE r [<!ENTITY e "x">]>'],
  ])('with textIn, %s passes on only the text inside those elements, nested ones included', async (_reader, prolog) => {
    const pieces: string[] = [];
    await parseXml(context(textSource(`${prolog}<r>a<f>b<g>c</g><![CDATA[d]]></f>e<f/>f<f>g</f></r>`)), {
      open() {},
      text: (t) => pieces.push(t),
      textIn: new Set(['f']),
    });
    expect(pieces.join('|')).toBe('b|c|d|g');
  });

  it('strips namespace prefixes from element names (parseXml)', async () => {
    expect(await visit('<ns:r xmlns:ns="u"><ns:a/></ns:r>')).toMatchObject({ names: ['r', 'a'] });
  });

  it('reports the line of each start tag’s “>”, as saxes does', () => {
    expect(viaScanner(['<r>\n<a\n  b="1"\n/>\r\n<c/>\r<d/></r>'], false)).toEqual({
      events: [
        ['open', 'r', {}, 1],
        ['open', 'a', { b: '1' }, 4],
        ['close', 'a'],
        ['open', 'c', {}, 5],
        ['close', 'c'],
        ['open', 'd', {}, 6],
        ['close', 'd'],
        ['close', 'r'],
      ],
    });
  });

  it('reads a token carried into the next chunk however much of it is left', () => {
    const value = 'v'.repeat(20_000);
    const xml = `<r>\n<a name="${value}" b="2"/>\n<!-- ${value} -->\n<b>${'&amp;'.repeat(3_000)}</b></r>`;
    const whole = viaScanner([xml]);
    expect(whole).toMatchObject({ events: expect.arrayContaining([['open', 'a', { name: value, b: '2' }, 2]]) });
    for (const cut of [5, 100, 4_000, 4_100, 19_000, 20_015, 20_040, 40_100]) {
      expect(viaScanner(chunked(xml, [cut, cut + 70_000 - (cut % 7)])), `cut at ${cut}`).toEqual(whole);
    }
  });

  it('reads a tag of megabytes cut into many chunks, in linear time', () => {
    const value = 'v'.repeat(8 * 1024 * 1024);
    const xml = `<r><a name="${value}" b="2">t</a></r>`;
    const chunks = chunked(
      xml,
      Array.from({ length: xml.length >> 16 }, (_, k) => (k + 1) << 16),
    );
    let read: Record<string, string> | undefined;
    const scanner = new XmlScanner({
      open: (name, attrs) => (read = name === 'a' ? attrs : read),
      close: () => undefined,
      text: undefined,
    });
    for (const chunk of chunks) scanner.write(chunk);
    scanner.end();
    expect(read?.name?.length).toBe(value.length);
    expect(read?.b).toBe('2');
  }, 30_000);
});

describe('errors', () => {
  it('an entity no DTD declared is an undefined entity, named as such', async () => {
    const error = (await visit('<testsuite>\n<testcase name="&nbsp;"/></testsuite>')) as ReportParseError;
    expect(error.message).toBe('r.xml:2: invalid XML: undefined entity. (DTD entities are never expanded)');
  });

  it('an unescaped & with no ; after it is refused where it stands', async () => {
    const error = (await visit(`<r>\nTom & Jerry\n${'x'.repeat(2_000)}\n</r>`)) as ReportParseError;
    expect(error.line).toBe(2);
    expect(error.reason).toMatch(
      /^invalid XML: unterminated entity reference: no ";" within 1024 characters of this "&"/,
    );
  });

  it('reads a raw control character as its control picture, except where a name stands', async () => {
    expect(viaScanner(['<r>\n\n a\u0001</r>'])).toEqual({ error: 'disallowed character.', line: 3 });
    expect(await visit('<r a="x\u001by">\n\n a\u0001\u001b[31m</r>')).toEqual({
      names: ['r'],
      attributes: [{ a: 'x\u241by' }],
      text: '\n\n a\u2401\u241b[31m',
    });
    // In a name a picture is still no name character: the element cannot turn into another.
    for (const xml of [
      '<r><test\u0001case/></r>',
      '<r><testcase na\u001bme="x"/></r>',
      '<!DOCTYPE r [<!ELEMENT r ANY>]><r><a\u0001/></r>',
    ]) {
      const error = await visit(xml);
      expect(error, xml).toBeInstanceOf(ReportParseError);
      expect((error as ReportParseError).message).toMatch(/^r\.xml:1: invalid XML: /);
    }
  });

  it.each([
    ['a second root', '<r/>\n<r/>', 'documents may contain only one root.', 2],
    ['a mismatched close tag', '<r>\n<a></b></r>', 'unexpected close tag.', 2],
    ['a cut-off document', '<r>\n<a x="1">\ntext', 'unclosed tag: a', 3],
    ['a cut inside the root’s name', '<roo', 'document must contain a root element.', 1],
    ['"]]>" in text', '<r>a]]>b</r>', 'the string "]]>" is disallowed in char data.', 1],
    ['a duplicate attribute', '<r a="1"\n a="2"/>', 'duplicate attribute: a.', 2],
  ])('%s', async (_what, xml, message, line) => {
    expect(viaScanner([xml])).toEqual({ error: message, line });
    expect(((await visit(xml)) as ReportParseError).message).toBe(`r.xml:${line}: invalid XML: ${message}`);
  });
});
