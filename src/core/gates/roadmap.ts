/**
 * Roadmap gates: "Milestone 1 is 100% done", "every CRITICAL item is done". Cancelled items do not
 * count toward the total.
 */
import type { z } from 'zod';
import type { RoadmapGates } from '../../config/schema.js';
import type { GateResult, RoadmapData } from '../model.js';
import { fmtCount, fmtPct, round } from '../numbers.js';
import { missingData, result, type GateContext } from './common.js';
import type { GateId } from './gate-kinds.js';

export function roadmapGates(
  ctx: GateContext,
  gates: z.infer<typeof RoadmapGates>[],
  data: RoadmapData | undefined,
  why: string,
): GateResult[] {
  return gates.map((gate, i) => {
    const scope =
      [gate.milestone && `milestone "${gate.milestone}"`, gate.priority && `priority ${gate.priority.join('/')}`]
        .filter(Boolean)
        .join(', ') || 'all items';
    const id: GateId = gates.length === 1 ? 'roadmap.done' : `roadmap.done[${i}]`;
    if (!data) return missingData(ctx, id, gate.done, `no roadmap: ${why}`);
    const items = roadmapGateItems(gate, data.items);
    if (items.length === 0) return missingData(ctx, id, gate.done, `no roadmap items match ${scope}`);
    const done = items.filter((item) => item.status === 'done').length;
    const pct = (done / items.length) * 100;
    const detail = `${fmtPct(pct)} of ${scope} done (${fmtCount(done)}/${fmtCount(items.length)})`;
    return pct >= gate.done
      ? result(ctx, id, 'pass', round(pct), gate.done, `${detail} meets ${fmtPct(gate.done)}`)
      : result(ctx, id, 'fail', round(pct), gate.done, `${detail} is below ${fmtPct(gate.done)}`);
  });
}

/** The items a roadmap gate counts: its milestone and priorities, cancelled items left out. */
export function roadmapGateItems<T extends RoadmapData['items'][number]>(
  gate: Pick<z.infer<typeof RoadmapGates>, 'milestone' | 'priority'>,
  items: readonly T[],
): T[] {
  const wantMilestone = gate.milestone?.trim().toLowerCase();
  const priorities = gate.priority?.map((p) => p.trim().toLowerCase());
  return items.filter(
    (item) =>
      item.status !== 'cancelled' &&
      (!wantMilestone ||
        item.milestone?.toLowerCase() === wantMilestone ||
        item.milestone?.toLowerCase().startsWith(`${wantMilestone}:`) === true) &&
      (!priorities || (item.priority !== undefined && priorities.includes(item.priority.toLowerCase()))),
  );
}
