import { describe, expect, it } from 'vitest';
import { jacoco } from '../../../../src/core/reports/coverage/jacoco.js';
import { parseFixture, parseWith, textSource } from '../../../helpers/parse.js';

// Ground truth: the report-level <counter>s JaCoCo wrote (test/fixtures/jacoco/README.md).
describe('jacoco: real reports', () => {
  it('maven: default package, lines/branches per line, methods from the counters', async () => {
    const { data, format } = await parseFixture('coverage', 'jacoco/maven-java-jacoco.xml');
    expect(format).toBe('jacoco');
    // LINE missed 3 covered 6, BRANCH 1/1, METHOD 1/3
    expect(data.table.totals()).toEqual({ lines: { covered: 6, total: 9 }, branches: { covered: 1, total: 2 }, functions: { covered: 3, total: 4 } });
    expect([...data.table.files.keys()]).toEqual(['Example.java']);
  });

  it('gradle: package paths, a 0% package, and a file without branches', async () => {
    const { data } = await parseFixture('coverage', 'jacoco/gradle-jacocoTestReport.xml');
    // LINE missed 36 covered 64, BRANCH 3/37, METHOD 8/11
    expect(data.table.totals()).toEqual({ lines: { covered: 64, total: 100 }, branches: { covered: 37, total: 40 }, functions: { covered: 11, total: 19 } });
    expect(data.table.files.get('usage/Program.java')?.lines()).toEqual({ covered: 0, total: 22 });
    expect(data.table.files.get('solver/trie/PrefixTreeNode.java')?.branches()).toBeUndefined();
  });

  it('prefixes the sourceRoot option, and refuses a non-string one', async () => {
    const { data } = await parseFixture('coverage', 'jacoco/gradle-jacocoTestReport.xml', { parserOptions: { sourceRoot: 'src/main/java' } });
    expect([...data.table.files.keys()]).toContain('src/main/java/solver/trie/PrefixTree.java');
    await expect(parseFixture('coverage', 'jacoco/maven-java-jacoco.xml', { parserOptions: { sourceRoot: 3 } })).rejects.toThrow('option sourceRoot must be a repo-relative folder name');
  });
});

describe('jacoco: edge cases', () => {
  it('uses the sourcefile counters when a report has no <line> elements', async () => {
    const doc =
      '<report name="r"><package name="a/b"><sourcefile name="C.java"><counter type="LINE" missed="2" covered="3"/>' +
      '<counter type="BRANCH" missed="1" covered="1"/></sourcefile></package></report>';
    const data = await parseWith(jacoco, textSource(doc));
    expect(data.table.totals()).toEqual({ lines: { covered: 3, total: 5 }, branches: { covered: 1, total: 2 }, functions: undefined });
    expect(data.table.patch(new Map([['a/b/C.java', [1]]]))).toBeUndefined();
  });

  it('refuses bad counters with the XML line', async () => {
    const doc = '<report name="r">\n<package name="p"><sourcefile name="C.java"><line nr="4" mi="x" ci="1"/></sourcefile></package></report>';
    await expect(parseWith(jacoco, textSource(doc, 'j.xml'))).rejects.toThrow('j.xml:2: <line> mi="x" is not a non-negative number');
  });
});
