/**
 * The readiness page in a real browser (headless Chromium): no console errors (a CSP that blocked
 * the page's own stylesheet would be one), one chart point per commit, a failing gate shown as
 * failing, nothing wider than a 375 px screen, an item named like markup shown as text, and no
 * serious or critical axe-core violation in the light or the dark scheme. Without Chromium this
 * file fails with the command that installs it (never a skip: .ci/run installs it).
 */
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPageHtml } from '../../../src/core/render/page-html.js';
import { CHROMIUM, chromiumAvailable, launchChromium } from '../../helpers/chromium.js';
import { XSS, pageHistory, pagePolicy, pageReport, pageRoadmap } from './page-fixtures.js';

interface AxeResult {
  passes: unknown[];
  violations: { id: string; impact: string; nodes: unknown[] }[];
}

const axeSource: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source;
const available = chromiumAvailable();

const html = renderPageHtml({
  repo: 'acme/widgets',
  report: pageReport(),
  commit: 'abc1234',
  history: pageHistory(),
  roadmap: pageRoadmap(XSS),
  policy: pagePolicy,
  pulls: [
    { number: 12, title: XSS, verdict: 'fail', level: 'beta', url: 'https://github.com/acme/widgets/pull/12' },
    { number: 13, title: 'Docs', verdict: 'pass', level: 'production' },
  ],
  today: '2026-12-04',
});

/** The browser tests where Chromium is installed; elsewhere the failing test below stands in for them. */
const describeWithChromium = available ? describe : (_name: string, _body: () => void): void => undefined;

if (!available) {
  describe('readiness page in Chromium', () => {
    it('needs Chromium', () => {
      throw new Error(
        `${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium; .ci/run does)`,
      );
    });
  });
}

describeWithChromium('readiness page in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(width: number, colorScheme: 'light' | 'dark') {
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme, javaScriptEnabled: true });
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
    await page.setContent(html, { waitUntil: 'load' });
    return { page, errors, dialogs };
  }

  async function axe(page: Page) {
    await page.evaluate(axeSource);
    // Evaluated as strings: the page's globals are the browser's, not Node's (tsconfig has no DOM lib).
    const result = await page.evaluate<AxeResult>('axe.run()');
    expect(result.passes.length).toBeGreaterThan(10); // axe really ran its rules
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes)`);
  }

  it('renders with no console errors and runs nothing from report text', async () => {
    const { page, errors, dialogs } = await open(1280, 'light');
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('main').innerText()).toContain(XSS);
    await page.close();
  });

  it('draws one chart point per commit, matching the trend table', async () => {
    const { page } = await open(1280, 'light');
    const commits = await page
      .locator('svg.chart [data-series="coverage"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-commit')));
    expect(commits).toEqual(['c0ffee0', 'c0ffee1', 'c0ffee2', 'c0ffee3', 'c0ffee4', 'abc1234']);
    expect(await page.locator('svg.chart [data-series="passRate"]').count()).toBe(6);
    expect(await page.locator('svg.chart [data-series="findings"]').count()).toBe(6);
    expect(await page.locator('details table tbody tr').count()).toBe(6);
    await page.close();
  });

  it('shows a failing gate as failing, in words a screen reader reads too', async () => {
    const { page } = await open(1280, 'light');
    const row = page.locator('tr[data-gate="coverage.lines"][data-status="fail"]');
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(await row.innerText()).toMatch(/✗ FAIL[\s\S]*84\.2%[\s\S]*≥ 85%[\s\S]*−0\.8/);
    const passing = page.locator('tr[data-gate="lint.warnings"]');
    expect(await passing.innerText()).toContain('✓ pass');
    expect(await passing.innerText()).not.toContain('FAIL');
    await page.close();
  });

  it('is readable at 375 px: nothing wider than the screen, and the gates stack', async () => {
    const { page, errors } = await open(375, 'light');
    const widths = await page.evaluate<{ doc: number; view: number }>(
      '({ doc: document.documentElement.scrollWidth, view: window.innerWidth })',
    );
    expect(widths.doc).toBeLessThanOrEqual(widths.view);
    const row = page.locator('tr[data-gate="coverage.lines"][data-status="fail"]');
    const box = await row.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(375);
    expect(
      await page.locator('table.stack thead').evaluate((e) => e.getBoundingClientRect().width),
    ).toBeLessThanOrEqual(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    [1280, 'light'],
    [375, 'light'],
    [1280, 'dark'],
    [375, 'dark'],
  ] as const)('passes axe-core with no serious or critical violation at %i px, %s', async (width, scheme) => {
    const { page } = await open(width, scheme);
    const background = await page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
    expect(background).toBe(scheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)');
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});
