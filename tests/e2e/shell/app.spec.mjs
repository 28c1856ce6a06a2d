// Stories of the app shell: it starts cleanly, speaks two languages, works by keyboard and
// never talks to another origin.
import { test, expect } from '@playwright/test';
import { Workbench } from '../pages/workbench.mjs';

test('the app mounts from the release build with no console errors', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await expect(app.matrix).toBeVisible();
  await expect(page.locator('#loading')).toHaveCount(0);
  await expect(app.version()).toContainText('0.1.0');
  expect(app.errors).toEqual([]);
});

test('the page makes no request outside its own origin', async ({ page, baseURL }) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const app = new Workbench(page);
  await app.fresh();
  for (const slug of ['diagram', 'analysis', 'compare', 'plan', 'timeline', 'data', 'matrix']) await app.tab(slug).click();
  await app.cell('gov', 'infra').click();
  expect(requests.length).toBeGreaterThan(3);
  const origin = new URL(baseURL).origin;
  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
  expect(foreign).toEqual([]);
});

test('the language switch changes labels and lang, and survives a reload', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(app.tab('matrix')).toHaveText('Matrix');
  await app.language('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(app.tab('matrix')).toHaveText('矩阵');
  await expect(app.matrixTab.row('gov').locator('th')).toHaveText('政府');
  await page.reload();
  await expect(app.tab('matrix')).toHaveText('矩阵');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await app.language('en');
  await expect(app.tab('timeline')).toHaveText('Timeline');
});

test('every tab is reachable by Tab and opens with Enter', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  for (const slug of ['diagram', 'analysis', 'compare', 'plan', 'timeline', 'data', 'matrix']) {
    // Walk the focus with Tab from the top of the page (its first control, the skip link).
    await page.evaluate(() => document.querySelector('.skip').focus());
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate((s) => document.activeElement?.dataset.testid === `tab-${s}`, slug);
    }
    expect(reached, `tab ${slug} reachable`).toBe(true);
    await page.keyboard.press('Enter');
    await expect(app.tab(slug)).toHaveAttribute('aria-selected', 'true');
    await expect(app.panel(slug)).toBeVisible();
  }
});

test('the footer shows when the workbook last changed, in the chosen language', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await expect(app.modified()).toHaveText(/^Last changed \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/);
  await app.language('zh-CN');
  await expect(app.modified()).toHaveText(/^最后修改于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
});

test('the status bar is a rule above the footer, not an empty box; the grades of the analysis are boxed', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  const border = (el) => el.evaluate((e) => [getComputedStyle(e).borderLeftWidth, getComputedStyle(e).borderTopWidth]);
  // The analysis' grade badge once shared the status bar's class, and boxed the bar too.
  expect(await border(app.status)).toEqual(['0px', '1px']);
  await app.tab('analysis').click();
  await expect(app.analysis.measured().first()).toBeVisible();
  expect(await border(app.analysis.measured().first())).toEqual(['1px', '1px']);
  expect(await border(app.status)).toEqual(['0px', '1px']);
});

test('a page prints without the controls that only work on screen, its title whole and its drawings within the paper', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await page.emulateMedia({ media: 'print' });
  await expect(app.matrix).toBeVisible();
  for (const id of ['present', 'timer', 'find-cell', 'import']) await expect(page.getByTestId(id), id).toBeHidden();
  await expect(page.locator('#matrix-help')).toBeHidden();
  expect(await app.title().evaluate((t) => t.scrollWidth <= t.clientWidth)).toBe(true);
  // On paper the drawings fit the page (on a phone's screen they scroll in their frames).
  await page.setViewportSize({ width: 700, height: 1000 });
  for (const [slug, frame] of [['timeline', '.timeline-figure'], ['data', '.chart-figure'], ['diagram', 'figure.structure']]) {
    await page.emulateMedia({ media: 'screen' });
    await app.tab(slug).click();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator(frame).first().evaluate((f) => f.scrollWidth - f.clientWidth), slug).toBe(0);
  }
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByTestId('present')).toBeVisible();
});
