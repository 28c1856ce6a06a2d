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
    await expect(page.getByTestId(`panel-${slug}`)).toBeVisible();
  }
});

test('the timeline and the data view show the paper\'s Table 1 and Figure 1', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.tab('timeline').click();
  await expect(page.locator('[data-testid^=stage-stage-]')).toHaveCount(4);
  await expect(page.getByTestId('stage-upgrading-leading')).toHaveValue('Office of the Central Cyberspace Affairs Commission');
  await expect(page.getByTestId('stage-upgrading-end')).toHaveValue('');
  await expect(page.getByTestId('timeline-next')).toContainText('synergetic model');
  await app.tab('data').click();
  await expect(page.getByTestId('dataset-figure1').locator('tbody tr')).toHaveCount(7);
  await expect(page.getByTestId('point-6-netizens')).toHaveValue('854');
  const chart = page.getByTestId('figure1-chart');
  await expect(chart.locator('rect.bar')).toHaveCount(7);
  await expect(chart).toContainText('61.2%');
  await expect(chart).toContainText('Netizens (millions)');
  await expect(chart).toContainText('Internet penetration (%)');
  await expect(page.getByTestId('panel-data')).toContainText('CNNIC, Statistical Report on Internet Development in China');
});

test('the timeline is edited in place in Chinese, survives a reload, and refuses a non-year', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.language('zh-CN');
  await app.tab('timeline').click();
  const leading = page.getByTestId('stage-mature-leading');
  await expect(leading).toHaveValue('国务院新闻办公室');
  await leading.fill('国务院新闻办公室（网络局）');
  await leading.press('Enter');
  // The drawing follows the edit and exports as a standalone SVG with the Chinese text.
  const drawing = page.getByTestId('timeline-drawing');
  await expect(drawing.locator('svg')).toContainText('国务院新闻办公室（网络局）');
  await expect(drawing.locator('rect')).toHaveCount(4);
  const { readFileSync } = await import('node:fs');
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg-timeline').click()]);
  expect(file.suggestedFilename()).toMatch(/-timeline\.svg$/);
  const text = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    return doc.querySelector('parsererror') ? null : doc.documentElement.textContent;
  }, readFileSync(await file.path(), 'utf8'));
  for (const s of ['奠基阶段', '升级阶段', '1994–1998', '2014–', '协同治理模式']) expect(text).toContain(s);
  await expect(app.undoButton).toHaveAccessibleName('撤销：编辑阶段“相对成熟阶段”');
  await page.getByTestId('stage-mature-end').fill('3000');
  await page.getByTestId('stage-mature-end').press('Enter');
  await expect(page.getByTestId('stage-mature-end')).toHaveValue('2013');
  await app.waitSaved((t) => JSON.parse(t).timeline[2].leading_body.zh === '国务院新闻办公室（网络局）');
  await page.reload();
  await expect(page.getByTestId('stage-mature-leading')).toHaveValue('国务院新闻办公室（网络局）');
  await app.language('en');
  await expect(page.getByTestId('stage-mature-leading')).toHaveValue('State Council Information Office');
});

test('a teacher adds a later year to Figure 1, the chart grows, and a bad value is refused', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.tab('data').click();
  await page.getByTestId('add-point').click();
  await page.getByTestId('point-7-period').fill('2024-12');
  await page.getByTestId('point-7-period').press('Enter');
  await page.getByTestId('point-7-netizens').fill('1108');
  await page.getByTestId('point-7-netizens').press('Enter');
  await page.getByTestId('point-7-penetration').fill('150');
  await page.getByTestId('point-7-penetration').press('Enter');
  await expect(page.getByTestId('point-7-penetration')).toHaveValue('61.2');
  await page.getByTestId('point-7-penetration').fill('78.6');
  await page.getByTestId('point-7-penetration').press('Enter');
  const chart = page.getByTestId('figure1-chart');
  await expect(chart.locator('rect.bar')).toHaveCount(8);
  await expect(chart).toContainText('2024-12');
  await expect(chart).toContainText('1250');
  // Each edit is one undo step: four undos remove the row again, four redos bring it back.
  for (let i = 0; i < 4; i++) await app.undoButton.click();
  await expect(chart.locator('rect.bar')).toHaveCount(7);
  for (let i = 0; i < 4; i++) await app.redoButton.click();
  await expect(chart.locator('rect.bar')).toHaveCount(8);
  await app.waitSaved((t) => JSON.parse(t).datasets[0].points[7]?.penetration_percent === 78.6);
  await page.reload();
  await expect(page.getByTestId('figure1-chart').locator('rect.bar')).toHaveCount(8);
  await expect(page.getByTestId('point-7-period')).toHaveValue('2024-12');
  // The chart exports with the new year and its source line, as SVG and as PNG for slides.
  const { readFileSync } = await import('node:fs');
  const [svgFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg-chart').click()]);
  expect(svgFile.suggestedFilename()).toMatch(/-chart\.svg$/);
  const text = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    return doc.querySelector('parsererror') ? null : doc.documentElement.textContent;
  }, readFileSync(await svgFile.path(), 'utf8'));
  expect(text).toContain('2024-12');
  expect(text).toContain('CNNIC');
  const [pngFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png-chart').click()]);
  expect(readFileSync(await pngFile.path()).subarray(1, 4).toString()).toBe('PNG');
});
