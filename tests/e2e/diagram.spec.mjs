// Stories of the structure diagram: a live picture of the model in the matrix.
import { test, expect } from '@playwright/test';
import { Workbench } from './pages/workbench.mjs';

test('the two presets draw different structures: a leadership layer only in the synergetic one', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.tab('diagram').click();
  const diagram = page.getByTestId('structure-main');
  await app.pickModel('traditional');
  await expect(diagram.getByTestId('node-party')).toHaveClass(/absent/);
  await expect(diagram.getByTestId('node-net')).toHaveClass(/absent/);
  await expect(diagram.locator('[data-testid$=-leads]')).toHaveCount(0);
  await expect(diagram.getByTestId('arrow-ent-gov-assists')).toHaveAttribute('aria-label', 'Internet enterprises assists Governments (on 2 object(s))');
  await app.pickModel('synergetic');
  await expect(diagram.getByTestId('node-party')).toHaveClass(/subject/);
  await expect(diagram.getByTestId('arrow-party-gov-leads')).toHaveCount(1);
  await expect(diagram.getByTestId('arrow-net-gov-supervises')).toHaveCount(1);
  await expect(diagram.getByTestId('arrow-gov-illegal-main')).toHaveCount(1);
  expect(app.errors).toEqual([]);
});

test('a change in the matrix changes the diagram, and undo changes it back', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.pickModel('synergetic');
  await app.cell('net', 'infra').click();
  await app.role('assist').click();
  await app.tab('diagram').click();
  const diagram = page.getByTestId('structure-main');
  await expect(diagram.getByTestId('arrow-net-gov-assists')).toHaveAttribute('aria-label', /on 1 object/);
  await page.keyboard.press('Control+z');
  await expect(diagram.getByTestId('arrow-net-gov-assists')).toHaveCount(0);
});

test('a subject opens its profile from the diagram by mouse or keyboard, and its tier can change there', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.pickModel('synergetic');
  await app.tab('diagram').click();
  const diagram = page.getByTestId('structure-main');
  await diagram.getByTestId('node-ent').click();
  const card = page.getByTestId('subject-card');
  await expect(card).toContainText('professional; flexible; owning the most social capital');
  await expect(card).toContainText('providing Internet products; assisting the supervision of the Internet');
  await card.getByTestId('subject-card-close').click();
  await diagram.getByTestId('node-net').focus();
  await page.keyboard.press('Enter');
  await expect(card.getByTestId('subject-card-close')).toBeFocused();
  await card.getByTestId('tier').selectOption('main');
  await expect(diagram.getByTestId('node-net')).toHaveAttribute('aria-label', 'Netizens (Main power)');
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
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg-main').click()]);
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
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png-main').click()]);
  expect(pngDownload.suggestedFilename()).toMatch(/-structure\.png$/);
  const png = readFileSync(await pngDownload.path());
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  const width = png.readUInt32BE(16);
  const shown = await page.getByTestId('structure-main').locator(':scope > svg').evaluate((el) => el.getBoundingClientRect().width);
  expect(width).toBe(Math.round(shown) * 2);
  expect(png.length).toBeGreaterThan(10_000);
});
