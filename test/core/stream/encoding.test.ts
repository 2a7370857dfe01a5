import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/core/reports/registry.js';
import { context, textSource } from '../../helpers/parse.js';

const XML =
  '<?xml version="1.0" encoding="UTF-16"?>\n<testsuite name="s"><testcase name="café ✅"/><testcase name="b"><failure message="x"/></testcase></testsuite>\n';

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

describe('report encodings', () => {
  it.each([
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(XML, 'utf16le')])],
    ['UTF-16LE without BOM', Buffer.from(XML, 'utf16le')],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(XML)])],
    [
      'UTF-8 with BOM and CRLF',
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(XML.replace(/\n/g, '\r\n').replace('UTF-16', 'UTF-8')),
      ]),
    ],
  ])('%s is detected and parsed', async (_name, bytes) => {
    const { data, format } = await parseReport('tests', context(textSource(bytes, 'junit.xml')));
    expect(format).toBe('junit');
    expect(data).toMatchObject({ total: 2, passed: 1, failed: 1 });
  });

  it('a declared Latin-1 XML is decoded as Latin-1', async () => {
    const bytes = Buffer.from(
      '<?xml version="1.0" encoding="ISO-8859-1"?><testsuite><testcase name="caf\xe9"><failure message="\xfcber"/></testcase></testsuite>',
      'latin1',
    );
    const { data } = await parseReport('tests', context(textSource(bytes, 'junit.xml')));
    expect(data.failures[0]).toMatchObject({ name: 'café', message: 'über' });
  });

  it('invalid UTF-8 is read with replacement characters, not refused or crashed on', async () => {
    const bytes = Buffer.concat([
      Buffer.from('<testsuite><testcase name="a'),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('"><failure message="m"/></testcase></testsuite>'),
    ]);
    const { data } = await parseReport('tests', context(textSource(bytes, 'junit.xml')));
    expect(data.failures[0]!.name).toBe('a\ufffd(\ufffd');
  });

  it('a NUL byte in a UTF-8 file is refused with the file and line', async () => {
    await expect(
      parseReport(
        'tests',
        context(textSource(Buffer.from('<testsuite>\n<testcase name="a\u0000"/></testsuite>'), 'junit.xml')),
      ),
    ).rejects.toThrow('junit.xml:2: contains a NUL byte: this is a binary file, not a text report');
  });
});
