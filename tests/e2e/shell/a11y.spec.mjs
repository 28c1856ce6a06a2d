// axe-core, the accessibility engine, on every tab in both languages, with a workshop round
// that has answers (so the agreement view, heat map, details and queue are all on screen):
// it must find nothing.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { Workbench } from '../pages/workbench.mjs';
import { bigRound, bigWorkbook } from '../big.mjs';

/** axe's violations on the page as "rule (impact): first offending elements" lines. */
async function violations(page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

test('axe finds nothing on any tab, in English or Chinese', async ({ page }) => {
  test.setTimeout(150_000);
  const app = new Workbench(page);
  await app.fresh();
  // A 6 × 4 matrix (with the paper's plan) and a round with four answers about it.
  const { workbook, files } = bigRound(bigWorkbook(6, 4), 4);
  await app.importFile('round.cogovern.json', JSON.stringify(workbook));
  await app.tab('workshop').click();
  await app.workshop.collectInput().setInputFiles(files);
  await app.workshop.heat('s1', 'o2').click();
  await app.workshop.t('heat-picture').click();
  await app.workshop.t('my-answer-toggle').click();
  await app.workshop.start().click();
  await app.everyTab(async (slug, lang) => {
    expect(await violations(page), `${slug} in ${lang}`).toEqual([]);
  });
  // The cell editor, a subject's profile and the import error, too.
  await app.tab('matrix').click();
  await app.cell('s0', 'o0').click();
  await expect(app.editor).toBeVisible();
  expect(await violations(page), 'cell editor').toEqual([]);
  await page.keyboard.press('Escape');
  await app.tab('diagram').click();
  await app.diagram.node('s0').first().click();
  await expect(page.getByTestId('subject-card')).toBeVisible();
  expect(await violations(page), 'subject profile').toEqual([]);
  // A network node's card, the print sheet, the workbook panel with every list open, and the
  // paste and present dialogs.
  await app.network.node('s0').click();
  await expect(app.network.card()).toBeVisible();
  expect(await violations(page), 'network node card').toEqual([]);
  await app.network.closeCard().click();
  await app.diagram.printModel().click();
  await expect(app.diagram.printSheet()).toBeVisible();
  expect(await violations(page), 'print sheet').toEqual([]);
  await app.diagram.closePrint().click();
  await app.tab('matrix').click();
  for (const list of await app.matrixTab.panelLists()) await list.locator('summary').click();
  expect(await violations(page), 'workbook panel, every list open').toEqual([]);
  await app.paste().click();
  await expect(app.pasteDialog()).toBeVisible();
  expect(await violations(page), 'paste dialog').toEqual([]);
  await page.keyboard.press('Escape');
  await app.t('present').click();
  await expect(app.t('present-setup')).toBeVisible();
  expect(await violations(page), 'present dialog').toEqual([]);
  await app.t('present-setup').getByRole('button', { name: /^(Cancel|取消)$/ }).click();
  await app.importFile('broken.json', '{"format": ');
  await expect(app.importError).toBeVisible();
  expect(await violations(page), 'import error').toEqual([]);
  await app.closeImportError().click();
  // The share dialog of one model and of the round (with its QR code), the saved versions, and
  // the dialogs of an opened link and of a damaged one.
  await app.share.open().click();
  await app.share.onlyModel().check();
  expect(await violations(page), 'share dialog').toEqual([]);
  const link = await app.share.linkText();
  await app.share.close().click();
  await app.tab('workshop').click();
  await app.t('round-link').click();
  await expect(app.share.qr()).toBeVisible();
  expect(await violations(page), 'share dialog with QR code').toEqual([]);
  await app.share.close().click();
  // The saved versions (the first change of this visit kept one).
  await app.versionsButton().click();
  await expect(app.versions().first()).toBeVisible();
  expect(await violations(page), 'saved versions').toEqual([]);
  await app.closeVersions().click();
  await page.goto(link);
  await expect(app.share.incoming()).toBeVisible();
  expect(await violations(page), 'link dialog').toEqual([]);
  await app.share.cancel().click();
  await page.goto('/#cg1:AAAA');
  await expect(app.share.error()).toBeVisible();
  expect(await violations(page), 'link error').toEqual([]);
});

test.describe('on a phone (390 px), where wide drawings and tables scroll in their frames', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('axe finds nothing on any tab, in English or Chinese', async ({ page }) => {
    test.setTimeout(90_000);
    const app = new Workbench(page);
    await app.fresh();
    await app.everyTab(async (slug, lang) => {
      expect(await violations(page), `${slug} in ${lang}`).toEqual([]);
    });
  });
});
