/**
 * The hidden marker and managed region of an issue body. readygate owns only the text between
 * `<!-- readygate:roadmap … -->` and `<!-- /readygate:roadmap -->`; anything a person writes above
 * or below survives every sync. The opening marker carries the item's key, source file, a hash of
 * the managed content, the status last synced, the open/closed state readygate left, the labels
 * readygate set (so only those are ever removed) and the title, milestone and assignees last synced.
 */
import { createHash } from 'node:crypto';
import type { RoadmapStatus } from '../model.js';
import { ROADMAP_STATUSES } from '../model.js';

export interface Marker {
  key: string;
  source: string;
  hash: string;
  status: RoadmapStatus;
  /**
   * The open/closed state readygate last left the issue in. A done item is created open (this says
   * open) and closed in a second request that also rewrites the marker (closed), so a sync killed in
   * between leaves a marker that tells the truth and the next run finishes the close.
   */
  state?: 'open' | 'closed';
  labels: string[];
  /**
   * What GitHub and the file last agreed on, so that an edit made on GitHub is told apart from one
   * made in the file: hashes of the issue title and milestone title (`fieldHash`), and the
   * assignees readygate set. Absent on markers written before these fields existed.
   */
  title?: string;
  milestone?: string;
  assignees?: string[];
  /** 'body' when the dependencies API refused and "Blocked by #N" lines stand in for it. */
  deps?: 'body';
  /** 'body' when the sub-issues API refused and a task list of the children stands in for it. */
  subs?: 'body';
}

const OPEN = /<!-- readygate:roadmap ([^>]*?) -->/;
const CLOSE = '<!-- /readygate:roadmap -->';
const REGION = /<!-- readygate:roadmap [^>]*? -->[\s\S]*?<!-- \/readygate:roadmap -->/;

export function formatMarker(marker: Marker): string {
  const fields: [string, string][] = [
    ['key', marker.key],
    ['source', marker.source],
    ['hash', marker.hash],
    ['status', marker.status],
    ...(marker.state ? ([['state', marker.state]] as [string, string][]) : []),
    ['labels', marker.labels.join(',')],
    ...(marker.title !== undefined ? ([['title', marker.title]] as [string, string][]) : []),
    ...(marker.milestone !== undefined ? ([['milestone', marker.milestone]] as [string, string][]) : []),
    ...(marker.assignees ? ([['assignees', marker.assignees.join(',')]] as [string, string][]) : []),
    ...(marker.deps ? ([['deps', marker.deps]] as [string, string][]) : []),
    ...(marker.subs ? ([['subs', marker.subs]] as [string, string][]) : []),
  ];
  return `<!-- readygate:roadmap ${fields.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join(' ')} -->`;
}

/** The marker in an issue body, or undefined when readygate does not manage the issue. */
export function readMarker(body: string | null | undefined): Marker | undefined {
  const match = body ? OPEN.exec(body) : null;
  if (!match) return undefined;
  const fields = new Map<string, string>();
  for (const pair of match[1]!.split(/\s+/)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    try {
      fields.set(pair.slice(0, eq), decodeURIComponent(pair.slice(eq + 1)));
    } catch (error) {
      if (!(error instanceof URIError)) throw error;
      fields.set(pair.slice(0, eq), pair.slice(eq + 1)); // hand-edited marker: keep the raw text
    }
  }
  const key = fields.get('key');
  if (!key) return undefined;
  const status = fields.get('status') as RoadmapStatus | undefined;
  const state = fields.get('state');
  return {
    key,
    source: fields.get('source') ?? '',
    hash: fields.get('hash') ?? '',
    status: status && ROADMAP_STATUSES.includes(status) ? status : 'todo',
    ...((state === 'open' || state === 'closed') && { state }),
    labels: (fields.get('labels') ?? '').split(',').filter(Boolean),
    ...(fields.has('title') && { title: fields.get('title')! }),
    ...(fields.has('milestone') && { milestone: fields.get('milestone')! }),
    ...(fields.has('assignees') && { assignees: fields.get('assignees')!.split(',').filter(Boolean) }),
    ...(fields.get('deps') === 'body' && { deps: 'body' as const }),
    ...(fields.get('subs') === 'body' && { subs: 'body' as const }),
  };
}

/** The short hash a marker keeps of a last-synced title or milestone (`''` for none). */
export function fieldHash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 8);
}

export function contentHash(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 12);
}

/** `body` with its marker rewritten with `changes` (the content kept); unchanged without a marker. */
export function restateMarker(body: string, changes: Partial<Marker>): string {
  const marker = readMarker(body);
  return marker ? body.replace(OPEN, () => formatMarker({ ...marker, ...changes })) : body;
}

/** The managed region: marker, content, closing marker. */
export function managedRegion(marker: Marker, content: string): string {
  return `${formatMarker(marker)}\n${content.trim()}\n${CLOSE}`;
}

/**
 * The new body: the current body with its managed region replaced, everything outside kept. A body
 * without a region (a person deleted it) gets the region appended below their text.
 */
export function replaceRegion(current: string | null | undefined, region: string): string {
  const body = current ?? '';
  if (REGION.test(body)) return body.replace(REGION, () => region);
  return body.trim() ? `${body.trimEnd()}\n\n${region}` : region;
}
