// Stories of the Timeline tab: Table 1 drawn and edited in place.
import { test, expect } from '@playwright/test';
import { Workbench } from '../pages/workbench.mjs';

test('the timeline and the data view show the paper\'s Table 1 and Figure 1', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.tab('timeline').click();
  await expect(page.locator('[data-testid^=stage-stage-]')).toHaveCount(4);
  await expect(app.timeline.stage('upgrading-leading')).toHaveValue('Office of the Central Cyberspace Affairs Commission');
  await expect(app.timeline.stage('upgrading-end')).toHaveValue('');
  await expect(app.timeline.next()).toContainText('synergetic model');
  await app.tab('data').click();
  await expect(app.data.dataset('figure1').locator('tbody tr')).toHaveCount(7);
  await expect(app.data.point('6-netizens')).toHaveValue('854');
  const chart = app.data.chart();
  await expect(chart.locator('rect.bar')).toHaveCount(7);
  await expect(chart).toContainText('61.2%');
  await expect(chart).toContainText('Netizens (millions)');
  await expect(chart).toContainText('Internet penetration (%)');
  await expect(app.panel('data')).toContainText('CNNIC, Statistical Report on Internet Development in China');
});

test('the timeline is edited in place in Chinese, survives a reload, and refuses a non-year', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.language('zh-CN');
  await app.tab('timeline').click();
  const leading = app.timeline.stage('mature-leading');
  await expect(leading).toHaveValue('国务院新闻办公室');
  await leading.fill('国务院新闻办公室（网络局）');
  await leading.press('Enter');
  // The drawing follows the edit and exports as a standalone SVG with the Chinese text.
  const drawing = app.timeline.drawing();
  await expect(drawing.locator('svg')).toContainText('国务院新闻办公室（网络局）');
  await expect(drawing.locator('rect')).toHaveCount(4);
  const { readFileSync } = await import('node:fs');
  const [file] = await Promise.all([page.waitForEvent('download'), app.diagram.exportSvg('timeline').click()]);
  expect(file.suggestedFilename()).toMatch(/-timeline\.svg$/);
  const text = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    return doc.querySelector('parsererror') ? null : doc.documentElement.textContent;
  }, readFileSync(await file.path(), 'utf8'));
  for (const s of ['奠基阶段', '升级阶段', '1994–1998', '2014–', '协同治理模式']) expect(text).toContain(s);
  await expect(app.undoButton).toHaveAccessibleName('撤销：编辑阶段“相对成熟阶段”');
  await app.timeline.stage('mature-end').fill('3000');
  await app.timeline.stage('mature-end').press('Enter');
  await expect(app.timeline.stage('mature-end')).toHaveValue('2013');
  await app.waitSaved((t) => JSON.parse(t).timeline[2].leading_body.zh === '国务院新闻办公室（网络局）');
  await page.reload();
  await expect(app.timeline.stage('mature-leading')).toHaveValue('国务院新闻办公室（网络局）');
  await app.language('en');
  await expect(app.timeline.stage('mature-leading')).toHaveValue('State Council Information Office');
});
