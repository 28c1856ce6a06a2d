// Stories of the app shell: it starts cleanly, speaks two languages, works by keyboard and
// never talks to another origin.
import { test, expect } from '@playwright/test';
import { Workbench } from './pages/workbench.mjs';

test('the app mounts from the release build with no console errors', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await expect(app.matrix).toBeVisible();
  await expect(page.locator('#loading')).toHaveCount(0);
  await expect(page.getByTestId('version')).toContainText('0.1.0');
  expect(app.errors).toEqual([]);
});

test('the page makes no request outside its own origin', async ({ page, baseURL }) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const app = new Workbench(page);
  await app.fresh();
  for (const slug of ['diagram', 'compare', 'timeline', 'data', 'matrix']) await app.tab(slug).click();
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
  await expect(page.getByTestId('row-gov').locator('th')).toHaveText('政府');
  await page.reload();
  await expect(app.tab('matrix')).toHaveText('矩阵');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await app.language('en');
  await expect(app.tab('timeline')).toHaveText('Timeline');
});

test('every tab is reachable by Tab and opens with Enter', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  for (const slug of ['diagram', 'compare', 'timeline', 'data', 'matrix']) {
    // Walk the focus with Tab from the top of the page until the tab is reached.
    await page.locator('body').focus();
    await page.evaluate(() => document.activeElement.blur());
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate((s) => document.activeElement?.dataset.testid === `tab-${s}`, slug);
    }
    expect(reached, `tab ${slug} reachable`).toBe(true);
    await page.keyboard.press('Enter');
    await expect(app.tab(slug)).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId(`panel-${slug}`)).toBeVisible();
  }
});

test('the timeline and the data view show the paper\'s Table 1 and Figure 1', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.tab('timeline').click();
  await expect(page.getByTestId('timeline').locator('tbody tr')).toHaveCount(4);
  await expect(page.getByTestId('timeline')).toContainText('Office of the Central Cyberspace Affairs Commission');
  await app.tab('data').click();
  await expect(page.getByTestId('dataset-figure1').locator('tbody tr')).toHaveCount(7);
  await expect(page.getByTestId('dataset-figure1')).toContainText('854');
});
