// #17 "real output refused today": coverage shapes real tools write that readygate refused or misread.
import { describe, expect, it } from 'vitest';
import { clover } from '../../../../src/core/reports/coverage/clover.js';
import { cobertura } from '../../../../src/core/reports/coverage/cobertura.js';
import { parseNoticed, parseWith, textSource } from '../../../helpers/parse.js';

const cob = (classes: string) =>
  `<?xml version="1.0" ?>\n<coverage line-rate="0.5" branch-rate="0.5" version="1" timestamp="1"><sources><source>/repo</source></sources><packages><package name="p"><classes>${classes}</classes></package></packages></coverage>\n`;

describe('Cobertura', () => {
  it('reads branch="True" (coverlet, dotnet-coverage, ReportGenerator): booleans are case-insensitive', async () => {
    const xml = cob('<class name="A" filename="src/A.cs"><methods/><lines><line number="3" hits="1" branch="True" condition-coverage="50% (1/2)"/><line number="4" hits="0" branch="FALSE"/></lines></class>');
    const { table } = await parseWith(cobertura, textSource(xml));
    expect(table.totals().branches).toEqual({ covered: 1, total: 2 });
    expect(table.totals().lines).toEqual({ covered: 1, total: 2 });
  });

  it('reads lines written only inside <method> (Swift tools) instead of a silent zero', async () => {
    const xml = cob('<class name="S" filename="Sources/S.swift"><methods><method name="f" signature=""><lines><line number="2" hits="3"/><line number="3" hits="0"/></lines></method></methods><lines/></class>');
    const { table } = await parseWith(cobertura, textSource(xml));
    expect(table.totals().lines).toEqual({ covered: 1, total: 2 });
    expect(table.totals().functions).toEqual({ covered: 1, total: 1 });
  });

  it('still does not count method lines twice when the class lists its own lines', async () => {
    const xml = cob('<class name="A" filename="a.py"><methods><method name="f"><lines><line number="2" hits="1"/></lines></method></methods><lines><line number="2" hits="1"/><line number="5" hits="0"/></lines></class>');
    const { table } = await parseWith(cobertura, textSource(xml));
    expect(table.totals().lines).toEqual({ covered: 1, total: 2 });
  });

  it('skips <line number="0"> (coverage.py) with a notice and reads the rest', async () => {
    const xml = cob('<class name="m" filename="m.py"><methods/><lines><line number="0" hits="1"/><line number="1" hits="1"/><line number="2" hits="0"/></lines></class>');
    const { data, notices } = await parseNoticed(cobertura, textSource(xml, 'coverage.xml'));
    expect(data.table.totals().lines).toEqual({ covered: 1, total: 2 });
    expect(notices).toEqual(['coverage.xml: 1 <line number="0"> element(s) name no line a file can have: skipped, the rest is read']);
    // A line number that is not a number at all is still garbage: refused.
    await expect(parseWith(cobertura, textSource(cob('<class name="m" filename="m.py"><lines><line number="x" hits="1"/></lines></class>')))).rejects.toThrow(/number is "x"/);
  });
});

describe('Clover', () => {
  it('reads OpenClover condition lines with truecount/falsecount and no count', async () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<coverage generated="1" clover="4.5.2"><project timestamp="1"><metrics/><package name="p"><file name="A.java" path="/repo/src/A.java"><metrics conditionals="2" coveredconditionals="1" statements="2" coveredstatements="1" methods="1" coveredmethods="1"/><line num="3" count="1" type="method"/><line num="4" truecount="2" falsecount="0" type="cond"/><line num="5" count="0" type="stmt"/></file></package></project></coverage>\n';
    const { table } = await parseWith(clover, textSource(xml), { root: '/repo' });
    const totals = table.totals();
    expect(totals.lines).toEqual({ covered: 1, total: 2 });
    expect(totals.branches).toEqual({ covered: 1, total: 2 });
    expect(totals.functions).toEqual({ covered: 1, total: 1 });
  });
});
