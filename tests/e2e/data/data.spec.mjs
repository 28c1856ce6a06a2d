// Stories of the Data tab: Figure 1 drawn from an editable table.
import { test, expect } from '@playwright/test';
import { Workbench } from '../pages/workbench.mjs';

test('a teacher adds a later year to Figure 1, the chart grows, and a bad value is refused', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.tab('data').click();
  await app.data.addPoint().click();
  await app.data.point('7-period').fill('2024-12');
  await app.data.point('7-period').press('Enter');
  await app.data.point('7-netizens').fill('1108');
  await app.data.point('7-netizens').press('Enter');
  await app.data.point('7-penetration').fill('150');
  await app.data.point('7-penetration').press('Enter');
  await expect(app.data.point('7-penetration')).toHaveValue('61.2');
  await app.data.point('7-penetration').fill('78.6');
  await app.data.point('7-penetration').press('Enter');
  const chart = app.data.chart();
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
  await expect(app.data.chart().locator('rect.bar')).toHaveCount(8);
  await expect(app.data.point('7-period')).toHaveValue('2024-12');
  // The chart exports with the new year and its source line, as SVG and as PNG for slides.
  const { readFileSync } = await import('node:fs');
  const [svgFile] = await Promise.all([page.waitForEvent('download'), app.diagram.exportSvg('chart').click()]);
  expect(svgFile.suggestedFilename()).toMatch(/-chart\.svg$/);
  const text = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    return doc.querySelector('parsererror') ? null : doc.documentElement.textContent;
  }, readFileSync(await svgFile.path(), 'utf8'));
  expect(text).toContain('2024-12');
  expect(text).toContain('CNNIC');
  const [pngFile] = await Promise.all([page.waitForEvent('download'), app.diagram.exportPng('chart').click()]);
  expect(readFileSync(await pngFile.path()).subarray(1, 4).toString()).toBe('PNG');
});
