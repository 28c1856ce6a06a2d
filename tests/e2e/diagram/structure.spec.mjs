// Stories of the structure diagram: a live picture of the model in the matrix.
import { test, expect } from '@playwright/test';
import { Workbench } from '../pages/workbench.mjs';

test('the two presets draw different structures: a leadership layer only in the synergetic one', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.tab('diagram').click();
  const diagram = app.diagram.structure('main');
  await app.pickModel('traditional');
  await expect(app.diagram.node('party', diagram)).toHaveClass(/absent/);
  await expect(app.diagram.node('net', diagram)).toHaveClass(/absent/);
  await expect(diagram.locator('[data-testid$=-leads]')).toHaveCount(0);
  await expect(app.diagram.arrow('ent-gov-assists', diagram)).toHaveAttribute('aria-label', 'Internet enterprises assists Governments (on 2 object(s))');
  await app.pickModel('synergetic');
  await expect(app.diagram.node('party', diagram)).toHaveClass(/subject/);
  await expect(app.diagram.arrow('party-gov-leads', diagram)).toHaveCount(1);
  await expect(app.diagram.arrow('net-gov-supervises', diagram)).toHaveCount(1);
  await expect(app.diagram.arrow('gov-illegal-main', diagram)).toHaveCount(1);
  expect(app.errors).toEqual([]);
});

test('a change in the matrix changes the diagram, and undo changes it back', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.pickModel('synergetic');
  await app.cell('net', 'infra').click();
  await app.role('assist').click();
  await app.tab('diagram').click();
  const diagram = app.diagram.structure('main');
  await expect(app.diagram.arrow('net-gov-assists', diagram)).toHaveAttribute('aria-label', /on 1 object/);
  await page.keyboard.press('Control+z');
  await expect(app.diagram.arrow('net-gov-assists', diagram)).toHaveCount(0);
});

test('a subject opens its profile from the diagram by mouse or keyboard, and its tier can change there', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.pickModel('synergetic');
  await app.tab('diagram').click();
  const diagram = app.diagram.structure('main');
  await app.diagram.node('ent', diagram).click();
  const card = app.diagram.subjectCard();
  await expect(card).toContainText('professional; flexible; owning the most social capital');
  await expect(card).toContainText('providing Internet products; assisting the supervision of the Internet');
  await app.diagram.closeSubjectCard(card).click();
  await app.diagram.node('net', diagram).focus();
  await page.keyboard.press('Enter');
  await expect(app.diagram.closeSubjectCard(card)).toBeFocused();
  await app.matrixTab.tier(card).selectOption('main');
  await expect(app.diagram.node('net', diagram)).toHaveAttribute('aria-label', 'Netizens (Main power)');
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
});

test('the diagram exports as a standalone SVG naming every subject, and as a 2× PNG', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.language('zh-CN');
  await app.pickModel('synergetic');
  await app.tab('diagram').click();
  const { readFileSync } = await import('node:fs');
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), app.diagram.exportSvg('main').click()]);
  expect(svgDownload.suggestedFilename()).toMatch(/-structure\.svg$/);
  const svg = readFileSync(await svgDownload.path(), 'utf8');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.localName,
      font: doc.documentElement.getAttribute('font-family'), text: doc.documentElement.textContent };
  }, svg);
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe('svg');
  expect(parsed.font).toContain('sans');
  for (const name of ['党委', '政府', '互联网企业', '互联网行业组织', '网民']) expect(parsed.text).toContain(name);
  // Styles travel with the file: dashed assistance arrows keep their dashes.
  expect(svg).toMatch(/class="arrow assists"[^>]*stroke-dasharray="9(px)?,? 5(px)?"/);
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), app.diagram.exportPng('main').click()]);
  expect(pngDownload.suggestedFilename()).toMatch(/-structure\.png$/);
  const png = readFileSync(await pngDownload.path());
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  const width = png.readUInt32BE(16);
  const shown = await app.diagram.structure('main').locator(':scope > svg').evaluate((el) => el.getBoundingClientRect().width);
  expect(width).toBe(Math.round(shown) * 2);
  expect(png.length).toBeGreaterThan(10_000);
});
