// An item removed from the roadmap, then put back: its issue comes back with it.
import { describe, expect, it } from 'vitest';
import { FakeGitHub } from './fake-github.js';
import { sync } from './helpers.js';

const BOTH = '- [ ] A-1 Login\n- [ ] A-2 Signup\n';
const ONE = '- [ ] A-1 Login\n';

describe('an item removed and put back', () => {
  it('is closed as not planned, then reopened, with no drift', async () => {
    const gh = new FakeGitHub();
    await sync(BOTH);
    await sync(ONE);
    expect(gh.issue('A-2')).toMatchObject({ state: 'closed', state_reason: 'not_planned' });
    const back = await sync(BOTH);
    expect(gh.issue('A-2')).toMatchObject({ state: 'open' });
    expect(back.plan.drift).toEqual([]);
    const before = gh.requests.length;
    expect((await sync(BOTH)).plan.ops).toEqual([]);
    expect(gh.readOnlySince(before)).toBe(true);
  });

  it('loses the roadmap:removed label it got with on_removed: label', async () => {
    const gh = new FakeGitHub();
    await sync(BOTH, { onRemoved: 'label' });
    await sync(ONE, { onRemoved: 'label' });
    expect(gh.issue('A-2')!.labels.map((l) => l.name)).toContain('roadmap:removed');
    await sync(BOTH, { onRemoved: 'label' });
    expect(gh.issue('A-2')!.labels.map((l) => l.name)).not.toContain('roadmap:removed');
    expect(gh.issue('A-2')).toMatchObject({ state: 'open' });
  });
});
