// Class (#12, false passes): "errors without a location are dropped". A diagnostic with no
// `path:line` is still a finding: counted by the lint gates and listed in the summary, never annotated.
import { describe, expect, it } from 'vitest';
import { checkstyle } from '../../src/core/reports/lint/checkstyle.js';
import { compilerText } from '../../src/core/reports/lint/compiler-text.js';
import { buildAnnotations } from '../../src/core/render/annotations.js';
import { renderMarkdown } from '../../src/core/render/markdown.js';
import { checkFiles, gate } from '../helpers/gate.js';
import { parseFixture, parseWith, textSource } from '../helpers/parse.js';

const POLICY = {
  reports: { lint: [{ path: 'build.log', format: 'compiler-text' }] },
  levels: { ci: { lint: { errors: 0 } } },
  require: 'ci',
};

describe('location-less diagnostics are findings', () => {
  it.each([
    ['collect2: error: ld returned 1 exit status', 'collect2: error: ld returned 1 exit status'],
    ["error TS5023: Unknown compiler option 'zzqq'.", "Unknown compiler option 'zzqq'."],
    [
      'cc1: fatal error: missing.c: No such file or directory',
      'cc1: fatal error: missing.c: No such file or directory',
    ],
    [
      "mypy: can't read file 'nothere.py': No such file or directory",
      "mypy: can't read file 'nothere.py': No such file or directory",
    ],
  ])('fails lint.errors: 0 on a log whose only error is %j', async (line, message) => {
    const report = await checkFiles({ 'build.log': `${line}\n` }, POLICY);
    expect(report.signals.lint?.errors).toBe(1);
    expect(report.signals.lint?.findings[0]).toMatchObject({ path: '', severity: 'error', message });
    expect(gate(report, 'lint.errors')).toBe('fail');
    expect(report.verdict).toBe('fail');
    // Shown in the summary, not annotated (an annotation needs a path).
    expect(renderMarkdown(report)).toContain(`(no location)`);
    expect(buildAnnotations(report)).toEqual([]);
  });

  it('is detected from content: a build log that starts with a location-less error is compiler output', () => {
    expect(compilerText.detect('collect2: error: ld returned 1 exit status\n')).toBe(true);
    expect(compilerText.detect("error TS5023: Unknown compiler option 'x'.\n")).toBe(true);
    expect(
      compilerText.detect(
        "/usr/bin/ld: /tmp/x.o: in function `main':\nmain.c:(.text+0xa): undefined reference to `helper'\ncollect2: error: ld returned 1 exit status\n",
      ),
    ).toBe(true);
  });

  it.each([
    ['gcc-link-error.txt', 'collect2: error: ld returned 1 exit status', undefined],
    ['gcc-fatal-missing-file.txt', 'cc1: fatal error: missing.c: No such file or directory', undefined],
    ['tsc-unknown-option.txt', "Unknown compiler option '--zzqq'.", 'TS5023'],
    ['mypy-cannot-read.txt', "mypy: can't read file 'nothere.py': No such file or directory", undefined],
    ['mypy-duplicate-module.txt', 'b/m.py: error: Duplicate module named "m" (also at "a/m.py")', undefined],
  ])('reads the tool-written %s as one error without a location', async (file, message, rule) => {
    const { data, format } = await parseFixture('lint', `compiler-text/${file}`);
    expect(format).toBe('compiler-text');
    expect(data.findings).toHaveLength(1);
    expect(data.findings[0]).toMatchObject({ path: '', severity: 'error', message });
    expect(data.findings[0]!.rule).toBe(rule);
  });

  it('keeps located diagnostics as they were, and reads a location-less warning as a warning', async () => {
    const text = 'src/a.c:3:1: error: e\nclang: warning: argument unused during compilation: -pthread\n';
    const data = await parseWith(compilerText, textSource(text));
    expect(data.findings.map((f) => [f.path, f.severity])).toEqual([
      ['src/a.c', 'error'],
      ['', 'warning'],
    ]);
  });

  it('Checkstyle: an <error> directly under <checkstyle> (no <file>) is a finding, not a refusal (#17)', async () => {
    const xml =
      '<?xml version="1.0"?>\n<checkstyle version="10.0">\n<error severity="error" message="Unable to create Root Module: config {checkstyle.xml}" source="com.puppycrawl.tools.checkstyle.Checker"/>\n</checkstyle>\n';
    const data = await parseWith(checkstyle, textSource(xml));
    expect(data.findings).toEqual([
      {
        path: '',
        severity: 'error',
        message: 'Unable to create Root Module: config {checkstyle.xml}',
        rule: 'com.puppycrawl.tools.checkstyle.Checker',
        fingerprint: '',
      },
    ]);
    const report = await checkFiles({ 'checkstyle.xml': xml }, { ...POLICY, reports: { lint: ['checkstyle.xml'] } });
    expect(gate(report, 'lint.errors')).toBe('fail');
  });

  it('Checkstyle: an <exception> (the tool failed on a file) is an error on that file', async () => {
    const xml =
      '<checkstyle version="10.0">\n<file name="/repo/src/A.java">\n<exception>\n<![CDATA[com.puppycrawl.tools.checkstyle.api.CheckstyleException: Exception was thrown while processing src/A.java]]>\n</exception>\n</file>\n</checkstyle>\n';
    const data = await parseWith(checkstyle, textSource(xml));
    expect(data.findings).toHaveLength(1);
    expect(data.findings[0]).toMatchObject({ path: 'src/A.java', severity: 'error' });
    expect(data.findings[0]!.message).toContain('CheckstyleException: Exception was thrown while processing');
  });
});
