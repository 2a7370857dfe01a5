// parseXml's `manyDocuments`: documents written one after another (cargo test's JUnit output holds
// one per test binary). Off by default; on, a new XML declaration and root may follow a closed root,
// in any chunking, and nothing else is relaxed.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ReportParseError } from '../../../src/core/errors.js';
import { parseXml } from '../../../src/core/stream/xml.js';
import { context, textSource } from '../../helpers/parse.js';

async function roots(xml: string | string[], manyDocuments = true): Promise<string[] | string> {
  const names: string[] = [];
  const chunks = typeof xml === 'string' ? [xml] : xml;
  const source = {
    ...textSource(chunks.join(''), 'r.xml'),
    open: () => Readable.from(chunks.map((c) => Buffer.from(c))),
  };
  try {
    await parseXml(context(source), { open: (name) => void names.push(name), manyDocuments });
  } catch (error) {
    if (error instanceof ReportParseError) return error.message;
    throw error;
  }
  return names;
}

const THREE =
  '<?xml version="1.0" encoding="UTF-8"?><a><x/></a>\n<?xml version="1.0" encoding="UTF-8"?><b/>\n<?xml version="1.0"?>\n<!-- c -->\n<c></c>\n';

describe('parseXml with manyDocuments', () => {
  it('reads every document, whole or cut into pieces anywhere', async () => {
    expect(await roots(THREE)).toEqual(['a', 'x', 'b', 'c']);
    for (let cut = 1; cut < THREE.length; cut += 7)
      expect(await roots([THREE.slice(0, cut), THREE.slice(cut)]), `cut at ${cut}`).toEqual(['a', 'x', 'b', 'c']);
  });

  it('is off by default: a second root is refused as before', async () => {
    expect(await roots('<a/>\n<b/>', false)).toBe('r.xml:2: invalid XML: documents may contain only one root.');
    expect(await roots('<a/>\n<?xml version="1.0"?><b/>', false)).toBe(
      'r.xml:2: invalid XML: an XML declaration must be at the start of the document.',
    );
  });

  it('still refuses an XML declaration inside a root, text between documents, and a cut-off last document', async () => {
    expect(await roots('<a>\n<?xml version="1.0"?></a>')).toBe(
      'r.xml:2: invalid XML: an XML declaration must be at the start of the document.',
    );
    expect(await roots('<a/>\ntrailing<b/>')).toMatch(/^r\.xml:2: invalid XML: text data outside of root node\./);
    expect(await roots('<a/>\n<b>\n<c>')).toBe('r.xml:3: invalid XML: unclosed tag: c');
  });
});
