import { describe, expect, it } from 'vitest';
import { sarifAudit } from '../../../../src/core/reports/audit/sarif.js';
import { sarifLint } from '../../../../src/core/reports/lint/sarif.js';
import { mergeLint } from '../../../../src/core/merge.js';
import { parseWith, textSource } from '../../../helpers/parse.js';

// Small SARIF logs built here to pin each rule of what counts; the real-tool files are in fixtures.test.ts.
const loc = (uri: string, uriBaseId?: string, startLine = 3) => [{ physicalLocation: { artifactLocation: { uri, ...(uriBaseId && { uriBaseId }) }, region: { startLine } } }];
const log = (...runs: object[]) => JSON.stringify({ version: '2.1.0', runs });
const run = (results: object[], extra: object = {}) => ({
  tool: { driver: { name: 'T', rules: [{ id: 'R1', defaultConfiguration: { level: 'error' }, helpUri: 'https://x/R1', messageStrings: { m: { text: 'bad {0} in {1}' } } }, { id: 'R2' }] } },
  results,
  ...extra,
});

describe('SARIF: what counts', () => {
  it('reads every run; level from the result, else the rule default, else warning; none is a note', async () => {
    const text = log(
      run([{ ruleId: 'R1', message: { text: 'a' }, locations: loc('a.c') }, { ruleId: 'R2', message: { text: 'b' }, locations: loc('b.c') }]),
      run([{ ruleId: 'R2', level: 'none', message: { text: 'c' }, locations: loc('c.c') }, { ruleId: 'R1', level: 'note', message: { text: 'd' } }]),
    );
    const data = await parseWith(sarifLint, textSource(text));
    expect(data.findings.map((f) => `${f.path}|${f.severity}|${f.rule ?? ''}`)).toEqual(['a.c|error|R1', 'b.c|warning|R2', 'c.c|note|R2', '|note|R1']);
    expect(data.findings[0]!.helpUri).toBe('https://x/R1');
  });

  it('baselineState absent drops a result; new, unchanged and updated count', async () => {
    const states = ['absent', 'new', 'unchanged', 'updated'].map((baselineState) => ({ ruleId: 'R2', baselineState, message: { text: baselineState } }));
    const data = await parseWith(sarifLint, textSource(log(run(states))));
    expect(data.findings.map((f) => f.message)).toEqual(['new', 'unchanged', 'updated']);
  });

  it('any accepted suppression (or one without status) drops a result; underReview and rejected do not', async () => {
    const sup = (...s: object[]) => ({ ruleId: 'R2', message: { text: JSON.stringify(s) }, suppressions: s });
    const data = await parseWith(sarifLint, textSource(log(run([sup({ kind: 'inSource' }), sup({ kind: 'external', status: 'accepted' }), sup({ kind: 'inSource', status: 'underReview' }), sup({ status: 'rejected' }, { status: 'accepted' }), sup()]))));
    expect(data.findings.map((f) => f.message)).toEqual(['[{"kind":"inSource","status":"underReview"}]', '[]']);
  });

  it('kind pass and notApplicable never count', async () => {
    const data = await parseWith(sarifLint, textSource(log(run(['pass', 'notApplicable', 'fail', 'review'].map((kind) => ({ ruleId: 'R2', kind, message: { text: kind } }))))));
    expect(data.findings.map((f) => f.message)).toEqual(['fail', 'review']);
  });

  it('resolves uriBaseId through originalUriBaseIds (chained), artifact indexes and percent-encoding', async () => {
    const bases = { originalUriBaseIds: { REPO: { uri: 'file:///work/repo/' }, SRC: { uri: 'src/', uriBaseId: 'REPO' } }, artifacts: [{ location: { uri: 'lib/x%20y.c', uriBaseId: 'SRC' } }] };
    const results = [
      { ruleId: 'R2', message: { text: 'a' }, locations: loc('main.c', 'SRC') },
      { ruleId: 'R2', message: { text: 'b' }, locations: [{ physicalLocation: { artifactLocation: { index: 0 } } }] },
      { ruleId: 'R2', message: { text: 'c' }, locations: loc('file:///work/repo/abs.c', 'SRC') },
      { ruleId: 'R2', message: { text: 'd' }, locations: loc('rel.c', 'UNKNOWN') },
    ];
    const data = await parseWith(sarifLint, textSource(log(run(results, bases))), { root: '/work/repo' });
    expect(data.findings.map((f) => f.path)).toEqual(['src/main.c', 'src/lib/x y.c', 'abs.c', 'rel.c']);
  });

  it('message strings by id with arguments; rule by index', async () => {
    const data = await parseWith(sarifLint, textSource(log(run([{ ruleIndex: 0, message: { id: 'm', arguments: ['x', 'y'] } }]))));
    expect(data.findings[0]).toMatchObject({ rule: 'R1', message: 'bad x in y', severity: 'error' });
  });

  it('the audit reading honours the same suppressions and baseline', async () => {
    const results = [
      { ruleId: 'CVE-2024-0001', level: 'error', message: { text: 'Package: left-pad\nInstalled Version: 1.0.0' } },
      { ruleId: 'CVE-2024-0002', level: 'error', baselineState: 'absent', message: { text: 'Package: a' } },
      { ruleId: 'CVE-2024-0003', level: 'error', suppressions: [{ kind: 'external' }], message: { text: 'Package: b' } },
    ];
    const data = await parseWith(sarifAudit, textSource(log(run(results))));
    expect(data.findings).toEqual([{ id: 'CVE-2024-0001', aliases: [], package: 'left-pad', version: '1.0.0', severity: 'high', title: 'Package: left-pad' }]);
  });

  it('refuses SARIF versions other than 2.1.0 and results without a message', async () => {
    await expect(parseWith(sarifLint, textSource(JSON.stringify({ version: '1.0.0', runs: [] }), 'x.sarif'))).rejects.toThrow('x.sarif: SARIF version 1.0.0 is not supported');
    await expect(parseWith(sarifLint, textSource(log(run([{ ruleId: 'R1' }])), 'x.sarif'))).rejects.toThrow(/^x\.sarif: not a valid SARIF log: .* at runs\.0\.results\.0\.message$/);
    // Results are checked one by one: the message still names where the bad one sits.
    const ok = { ruleId: 'R1', message: { text: 'fine' } };
    const bad = log(run([ok]), run([ok, ok, { ...ok, level: 'fatal' }]));
    await expect(parseWith(sarifLint, textSource(bad, 'x.sarif'))).rejects.toThrow(/^x\.sarif: not a valid SARIF log: .* at runs\.1\.results\.2\.level$/);
  });

  it('keeps identical results within one log; drops exact duplicates only across merged logs (#17)', async () => {
    const same = { ruleId: 'R2', message: { text: 'loop body' }, locations: loc('a.c') };
    const one = await parseWith(sarifLint, textSource(log(run([same, same]))));
    expect(one.findings).toHaveLength(2);
    const other = await parseWith(sarifLint, textSource(log(run([same]))));
    // The same log collected twice keeps 2 copies (the most any one log has), not 4; a log with one copy adds none.
    expect(mergeLint([one, one]).findings).toHaveLength(2);
    expect(mergeLint([other, one]).findings).toHaveLength(2);
    expect(new Set(mergeLint([one]).findings.map((f) => f.fingerprint)).size).toBe(2);
  });

  it('reads SARIF 2.1.0 -1 sentinels (index, ruleIndex, toolComponent index) as absent, as osv-scanner writes them (#17)', async () => {
    const results = [
      { ruleId: 'R1', ruleIndex: -1, rule: { index: -1, toolComponent: { index: -1 } }, message: { text: 'a' }, rank: -1, locations: [{ id: -1, physicalLocation: { artifactLocation: { uri: 'a.c', index: -1 } } }] },
    ];
    const data = await parseWith(sarifLint, textSource(log(run(results, { artifacts: [{ length: -1, parentIndex: -1, location: { uri: 'a.c', index: -1 } }] }))));
    expect(data.findings).toMatchObject([{ path: 'a.c', rule: 'R1', severity: 'error', helpUri: 'https://x/R1' }]);
    await expect(parseWith(sarifLint, textSource(log(run([{ ...results[0], ruleIndex: -2 }]))))).rejects.toThrow(/ruleIndex/);
  });
});
