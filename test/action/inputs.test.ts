import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { INPUT_NAMES, inputEnvName, parseInputs } from '../../src/action/inputs.js';
import { OUTPUT_NAMES } from '../../src/action/outputs.js';

const actionYml = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
};

describe('action inputs', () => {
  it("action.yml declares exactly the schema's inputs and the runner's outputs", () => {
    expect(Object.keys(actionYml.inputs).sort()).toEqual([...INPUT_NAMES].sort());
    expect(Object.keys(actionYml.outputs).sort()).toEqual([...OUTPUT_NAMES].sort());
    expect(actionYml.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('action.yml defaults parse to the schema defaults', () => {
    const env: Record<string, string> = {};
    for (const [name, spec] of Object.entries(actionYml.inputs))
      env[inputEnvName(name)] = name === 'token' ? 't' : (spec.default ?? '');
    expect(parseInputs(env)).toEqual({
      config: '.github/readygate.yml',
      coverage: [],
      tests: [],
      audit: [],
      lint: [],
      token: 't',
      mode: 'check',
      'check-name': 'readygate',
      annotations: Infinity,
      comment: 'always',
      'fail-on': 'required-level',
      'upload-report': true,
      'working-directory': '.',
    });
  });

  it('reads multi-line globs, caps and booleans', () => {
    const inputs = parseInputs({
      INPUT_TOKEN: 't',
      INPUT_COVERAGE: 'a/lcov.info\n\n  b/*.xml \n',
      INPUT_ANNOTATIONS: '25',
      'INPUT_UPLOAD-REPORT': 'false',
      'INPUT_BADGE-BRANCH': 'badges',
    });
    expect(inputs).toMatchObject({
      coverage: ['a/lcov.info', 'b/*.xml'],
      annotations: 25,
      'upload-report': false,
      'badge-branch': 'badges',
    });
    expect(parseInputs({ INPUT_TOKEN: 't', INPUT_ANNOTATIONS: 'off' }).annotations).toBe(0);
  });

  it('names every bad input', () => {
    expect(() => parseInputs({ INPUT_MODE: 'yolo', INPUT_COMMENT: 'sometimes' })).toThrow(
      expect.objectContaining({
        issues: [
          expect.stringMatching(/^input `token`: is required/),
          expect.stringMatching(/^input `mode`/),
          expect.stringMatching(/^input `comment`/),
        ],
      }),
    );
  });
});
