import { describe, expect, it } from 'vitest';
import { firstLine, jsonHead, xmlRootName } from '../../../src/core/reports/sniff.js';

describe('xmlRootName', () => {
  it.each([
    ['<?xml version="1.0"?>\n<!-- c -->\n<testsuites>', 'testsuites'],
    ['<!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd"><report name="x">', 'report'],
    ['<!DOCTYPE x [<!ENTITY a "b">]><coverage line-rate="1">', 'coverage'],
    ['<ns2:testsuite xmlns:ns2="u">', 'testsuite'],
    ['hello <x>', undefined],
    ['{"a": 1}', undefined],
  ])('%s', (head, expected) => {
    expect(xmlRootName(head)).toBe(expected);
  });
});

describe('jsonHead', () => {
  it('lists top-level keys of a truncated object, ignoring nested ones', () => {
    expect(jsonHead('{"a": {"x": 1, "y": [1, {"z": 2}]}, "b": "s\\"q", "c": [')).toEqual({ kind: '{', keys: ['a', 'b', 'c'] });
  });
  it('lists the first element keys of an array', () => {
    expect(jsonHead('[{"filePath": "/a", "messages": [{"ruleId": "x"}]}, {"other": 1}]')).toEqual({ kind: '[', keys: ['filePath', 'messages'], firstIsObject: true });
  });
  it('is undefined for non-JSON', () => {
    expect(jsonHead('TN:\nSF:a')).toBeUndefined();
  });
});

describe('firstLine', () => {
  it('skips blank lines and strips CR', () => {
    expect(firstLine('\n  \r\nSF:a\r\nDA:1,1')).toBe('SF:a');
  });
});
