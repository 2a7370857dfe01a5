/**
 * The page the App serves, opened over HTTP in headless Chromium (test/helpers/chromium.ts): no
 * console errors, one chart point per commit with a digest, the failing gate shown failing,
 * hostile names shown as text with nothing run, nothing wider than 375 px, and no serious axe-core
 * violation. Without Chromium this file fails with the command that installs it (never a skip).
 */
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, chromiumAvailable, launchChromium } from '../../helpers/chromium.js';
import { servedEachTest } from './pages-harness.js';
import { TREND, XSS, pageRepo } from './page-scenario.js';

const axeSource: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source;
const available = chromiumAvailable();
const describeWithChromium = available ? describe : (_name: string, _body: () => void): void => undefined;

if (!available) {
  describe('the served page in Chromium', () => {
    it('needs Chromium', () => {
      throw new Error(
        `${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium; .ci/run does)`,
      );
    });
  });
}

describeWithChromium('the served page in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const app = servedEachTest();

  async function open(width: number) {
    const scope = pageRepo();
    const page = await browser.newPage({ viewport: { width, height: 900 }, javaScriptEnabled: true });
    const errors: string[] = [];
    const dialogs: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const response = await page.goto(`${app.url}/acme/widgets`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(scope.isDone()).toBe(true);
    return { page, errors, dialogs };
  }

  it('renders with no console errors, one chart point per commit, the failing gate failing, names as text', async () => {
    const { page, errors, dialogs } = await open(1280);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    const commits = await page
      .locator('svg.chart [data-series="coverage"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-commit')));
    expect(commits).toEqual(TREND);
    expect(await page.locator('details table tbody tr').count()).toBe(TREND.length);
    const failing = page.locator('tr[data-gate="coverage.lines"][data-status="fail"]');
    expect(await failing.innerText()).toMatch(/✗ FAIL[\s\S]*84\.2%[\s\S]*≥ 85%/);
    expect(await page.locator('img').count()).toBe(0);
    const text = await page.locator('main').innerText();
    expect(text.split(XSS).length - 1).toBe(3); // the gate message, the pull request and the milestone
    await page.close();
  });

  it('is readable at 375 px and has no serious or critical axe-core violation', async () => {
    const { page, errors } = await open(375);
    const widths = await page.evaluate<{ doc: number; view: number }>(
      '({ doc: document.documentElement.scrollWidth, view: window.innerWidth })',
    );
    expect(widths.doc).toBeLessThanOrEqual(widths.view);
    await page.evaluate(axeSource);
    const result = await page.evaluate<{ passes: unknown[]; violations: { id: string; impact: string }[] }>(
      'axe.run()',
    );
    expect(result.passes.length).toBeGreaterThan(10);
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
