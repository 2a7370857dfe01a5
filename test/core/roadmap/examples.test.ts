import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRoadmap } from '../../../src/core/roadmap/parse.js';

const read = (name: string) => readFileSync(new URL(`../../fixtures/roadmaps/${name}`, import.meta.url), 'utf8');
const parse = (name: string) => parseRoadmap(`docs/${name}`, read(name));

describe('the three shared example roadmaps (counts, keys and statuses checked by reading them)', () => {
  it('kiro-style-tasks.md: 7 numbered tasks, 2 done; 14 success criteria kept apart', () => {
    const r = parse('kiro-style-tasks.md');
    expect(r.items.map((i) => [i.key, i.status])).toEqual([
      ['1', 'done'],
      ['2', 'done'],
      ['3', 'todo'],
      ['4', 'todo'],
      ['5', 'todo'],
      ['6', 'todo'],
      ['7', 'todo'],
    ]);
    expect(r.items[0]!.title).toBe('Comprehensive System Audit and Code Review');
    expect(r.items[0]!.requirements).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5']);
    expect(r.items[0]!.body).toMatch(/^Review complete codebase from tasks 1-19/);
    expect(r.items[0]!.body).toContain('**Implementation:**\n\n- Run comprehensive static analysis');
    expect(r.items[0]!.line).toBe(15);
    expect(r.criteria).toHaveLength(14);
    expect(r.criteria.every((c) => !c.done)).toBe(true);
    expect(r.criteria[0]).toMatchObject({
      text: 'All audit findings addressed or documented for future work',
      heading: 'Production Readiness Validation',
    });
    expect(r.warnings).toEqual([]);
  });

  it('team-task-tables.md: 30 table rows, INFRA-003 the only one complete; priorities from team lines; agent counts contradicted', () => {
    const r = parse('team-task-tables.md');
    expect(r.items).toHaveLength(30);
    expect(r.items.map((i) => i.key).slice(0, 5)).toEqual(['SEC-001', 'SEC-002', 'SEC-003', 'SEC-004', 'DB-001']);
    expect(r.items.at(-1)!.key).toBe('CLEAN-001');
    expect(r.items.filter((i) => i.status === 'done').map((i) => i.key)).toEqual(['INFRA-003']);
    expect(r.items.filter((i) => i.status === 'todo')).toHaveLength(29);
    const sec = r.items[0]!;
    expect(sec).toMatchObject({
      title: 'Fix SQL injection vulnerabilities, add parameterized queries',
      priority: 'CRITICAL',
      effort: 'High',
      owner: 'code-hygiene-master',
      line: 13,
    });
    expect(sec.assignee).toBeUndefined(); // an agent name, not a GitHub handle
    expect(r.items.find((i) => i.key === 'DOC-001')!.priority).toBe('LOW');
    expect(r.criteria).toHaveLength(8);
    expect(r.warnings.map((w) => [w.line, w.message])).toEqual([
      [131, 'the document says code-hygiene-master has 13 tasks but its items say 15'],
      [132, 'the document says system-architect has 8 tasks but its items say 9'],
    ]);
  });

  it('team-task-tables.md: a progress summary that disagrees with the tables is a warning', () => {
    const text = read('team-task-tables.md').replace(
      '| DB-001 | Migrate from SQLite to PostgreSQL | system-architect | High | 🔴 Pending |',
      '| DB-001 | Migrate from SQLite to PostgreSQL | system-architect | High | ✅ Complete |',
    );
    const messages = parseRoadmap('t.md', text).warnings.map((w) => w.message);
    expect(messages).toContain('the document says Pending: 29 but its items say 28');
    expect(messages).toContain('the document says Complete: 1 but its items say 2');
    expect(messages).toContain('the document says 3.3% complete but its items say 6.7% (2/30)');
  });

  it('session-review-checklist.md: 6 progress entries (2 done) and the Phase 1 heading marked done', () => {
    const r = parse('session-review-checklist.md');
    expect(r.items.map((i) => [i.key, i.status])).toEqual([
      ['execution-plan/phase-1-parallel-expert-analysis', 'done'],
      ['progress-tracking/plan-generated-by-workflow-orchestrator', 'done'],
      ['progress-tracking/session-md-created', 'done'],
      ['progress-tracking/phase-1-10-parallel-agents-spawned', 'todo'],
      ['progress-tracking/phase-2-gap-synthesis-complete', 'todo'],
      ['progress-tracking/phase-3-beads-synchronized', 'todo'],
      ['progress-tracking/phase-4-production-roadmap-generated', 'todo'],
    ]);
    expect(r.items[0]!.body).toContain('Spawn 10 specialized agents');
    expect(r.warnings).toEqual([]);
  });
});

describe('other real-world shapes', () => {
  it('heading blocks with bold fields, subtasks, year inferred from the start date, criteria in a milestone', () => {
    const r = parse('phase-blocks.md');
    expect(r.items.map((i) => [i.key, i.status, i.parent ?? null])).toEqual([
      ['P2A.1', 'done', null],
      ['P2A.1/register-the-oauth-app', 'done', 'P2A.1'],
      ['P2A.1/callback-route-with-state-check', 'done', 'P2A.1'],
      ['P2A.2', 'in_progress', null],
      ['P2A.2/expire-idle-sessions-after-30-minutes', 'done', 'P2A.2'],
      ['P2A.2/refresh-tokens-silently', 'todo', 'P2A.2'],
      ['P2B.1', 'todo', null],
      ['P3.1', 'todo', null],
    ]);
    expect(r.items[0]).toMatchObject({
      priority: 'HIGH',
      effort: '3-4 hours',
      assignee: 'octocat',
      body: 'Users sign in with GitHub. Tokens are stored server-side only.',
    });
    expect(r.items[6]!.dependsOn).toEqual(['P2A.1', 'P2A.2']);
    expect(r.milestones.map((m) => [m.title, m.due, m.criteria.length])).toEqual([
      ['Milestone 1: Core Functionality', '2025-10-31', 0],
      ['Milestone 2: Launch', '2025-12-15', 2],
    ]);
  });

  it('spec-kit tasks: capital X, [P] and [US1] tags as labels, inline dependency, priority from the phase heading', () => {
    const r = parse('spec-kit-tasks.md');
    expect(r.items.map((i) => [i.key, i.status])).toEqual([
      ['T001', 'done'],
      ['T002', 'done'],
      ['T003', 'done'],
      ['T004', 'todo'],
      ['T005', 'todo'],
      ['T006', 'todo'],
    ]);
    expect(r.items[2]).toMatchObject({
      title: 'Album model in src/models/album.py',
      labels: ['parallel', 'US1'],
      priority: 'P1',
    });
    expect(r.items[3]).toMatchObject({ title: 'Album service in src/services/album_service.py', dependsOn: ['T003'] });
  });

  it('headings that carry a status, struck-through items, an impossible date reported', () => {
    const r = parse('heading-status.md');
    const byKey = Object.fromEntries(r.items.map((i) => [i.key, i.status]));
    expect(byKey).toMatchObject({
      'v0-1-0-foundation/phase-1': 'done',
      'v0-1-0-foundation/phase-2': 'todo',
      'v1-0/hardening': 'in_progress',
      'v0-1-0-foundation/phase-2/xml-output': 'cancelled',
    });
    expect(r.items).toHaveLength(10);
    expect(r.milestones.map((m) => [m.title, m.due ?? null])).toEqual([
      ['v0.1.0 -- Foundation', '2026-02-01'],
      ['v1.0', '2026-03-01'],
      ['Later', null],
    ]);
    expect(r.warnings).toEqual([
      {
        file: 'docs/heading-status.md',
        line: 24,
        message: 'ambiguous date: "feb 30" is not a calendar date; write it as YYYY-MM-DD',
      },
    ]);
  });

  it('double-encoded UTF-8 is repaired before parsing', () => {
    const r = parse('mojibake-table.md');
    expect(r.repaired).toBe(true);
    expect(r.items.slice(0, 3).map((i) => [i.key, i.title, i.status, i.assignee ?? null])).toEqual([
      ['ITEM-001', 'Ship the importer', 'done', 'mona'],
      ['ITEM-002', 'Retry failed uploads', 'in_progress', 'hubot'],
      ['ITEM-003', 'Archive old boards', 'todo', null],
    ]);
    expect(r.text).toContain('## 🎯 Goals');
    expect(r.warnings[0]!.message).toMatch(/^repaired 4 double-encoded UTF-8 sequence/);
  });
});
