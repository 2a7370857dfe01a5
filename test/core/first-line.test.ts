import { describe, expect, it } from 'vitest';
import { firstLine } from '../../src/core/first-line.js';

describe('firstLine', () => {
  it.each([
    ['one line', 'one line'],
    ['first\nsecond', 'first'],
    ['\n  \n  indented\nnext', '  indented'],
    ['windows\r\nnext', 'windows'],
    ['old mac\rnext', 'old mac'],
    ['\r\n\r\nafter blanks\r\n', 'after blanks'],
    ['', ''],
    [' \n\t\n', ''],
  ])('%j -> %j', (text, line) => {
    expect(firstLine(text)).toBe(line);
  });
});
