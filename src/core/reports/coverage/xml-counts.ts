/**
 * Checked numbers from coverage XML attributes (Cobertura, Clover, JaCoCo): line numbers between 1
 * and MAX_LINE, counts that are finite and not negative. A bad value is a located parse error, never
 * a silent 0 that would turn into a false pass or fail.
 */
import { ReportParseError } from '../../errors.js';
import { MAX_LINE } from '../../coverage/table.js';

export class XmlCounts {
  constructor(private readonly path: string) {}

  /** A required `name="n"` line number (1…MAX_LINE). */
  line(attributes: Readonly<Record<string, string>>, name: string, element: string, xmlLine: number): number {
    const raw = attributes[name];
    const value = raw === undefined ? NaN : Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > MAX_LINE) {
      const shown = raw === undefined ? 'missing' : `"${raw.slice(0, 40)}"`;
      throw new ReportParseError(this.path, `<${element}> ${name} is ${shown}: expected a line number between 1 and ${MAX_LINE}`, xmlLine);
    }
    return value;
  }

  /** A count (hits, covered, missed); `fallback` when absent, an error when present but not a count. */
  count(attributes: Readonly<Record<string, string>>, name: string, element: string, xmlLine: number, fallback?: number): number {
    const raw = attributes[name];
    if (raw === undefined || raw.trim() === '') {
      if (fallback !== undefined) return fallback;
      throw new ReportParseError(this.path, `<${element}> has no ${name} attribute`, xmlLine);
    }
    const value = Number(raw);
    if (Number.isNaN(value) || value < 0) {
      throw new ReportParseError(this.path, `<${element}> ${name}="${raw.slice(0, 40)}" is not a non-negative number`, xmlLine);
    }
    return value;
  }

  /** A located error about this file. */
  error(message: string, xmlLine: number): ReportParseError {
    return new ReportParseError(this.path, message, xmlLine);
  }

  /** Refuses a document whose root is not the element the format needs. */
  root(name: string, expected: string, what: string, xmlLine: number): void {
    if (name !== expected) throw new ReportParseError(this.path, `not a ${what}: the root element is <${name}>, expected <${expected}>`, xmlLine);
  }
}
