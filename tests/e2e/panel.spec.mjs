// Stories of the workbook panel: models and entities edited in place, always undoable.
import { test, expect } from '@playwright/test';
import { Workbench } from './pages/workbench.mjs';

test('rename a subject in Chinese, reload, and everything is as it was', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.language('zh-CN');
  await app.pickModel('synergetic');
  await page.getByTestId('list-subject').locator('summary').click();
  const zh = page.getByTestId('name-zh-CN-net');
  await zh.fill('广大网民');
  await zh.blur();
  await expect(page.getByTestId('row-net').locator('th')).toHaveText('广大网民');
  await expect(app.undoButton).toHaveAccessibleName('撤销：编辑主体“广大网民”');
  await app.waitSaved((t) => JSON.parse(t).subjects[4].name.zh === '广大网民');
  const before = await app.matrixRoles();
  await page.reload();
  await expect(page.getByTestId('row-net').locator('th')).toHaveText('广大网民');
  await expect(page.getByTestId('model-picker')).toHaveValue('synergetic');
  await expect(app.tab('matrix')).toHaveText('矩阵');
  expect(await app.matrixRoles()).toEqual(before);
  // The English name is untouched.
  await app.language('en');
  await expect(page.getByTestId('row-net').locator('th')).toHaveText('Netizens');
});

test('deleting a subject warns how many cells go, and undo brings them back', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.pickModel('synergetic');
  await page.getByTestId('list-subject').locator('summary').click();
  await page.getByTestId('entity-net').getByTestId('delete').click();
  const confirm = page.getByTestId('delete-confirm');
  // Netizens hold 2 cells in the synergetic model and none in the traditional one.
  await expect(confirm).toContainText('Delete Netizens? 2 cell(s) of the matrix change or go.');
  await confirm.getByTestId('delete-yes').click();
  await expect(page.getByTestId('row-net')).toHaveCount(0);
  await expect(app.undoButton).toHaveAccessibleName('Undo: delete subject Netizens');
  await app.undoButton.click();
  await expect(app.cell('net', 'illegal')).toHaveAttribute('data-role', 'S');
  await expect(app.cell('net', 'practice')).toHaveAttribute('data-role', 'S');
});

test('add, rename, reorder and recolour entities; tiers regroup the matrix', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.pickModel('synergetic');
  await page.getByTestId('list-object').locator('summary').click();
  await page.getByTestId('add-object').click();
  await expect(page.getByTestId('col-object-1')).toContainText('New object');
  await page.getByTestId('name-en-object-1').fill('Data security');
  await expect(page.getByTestId('col-object-1')).toContainText('Data security');
  await expect(page.getByTestId('warn-object-1')).toContainText('No main responsibility');
  await page.getByTestId('entity-object-1').getByRole('button', { name: 'Move Data security up' }).click();
  const headers = await page.$$eval('thead th[data-testid]', (ths) => ths.map((t) => t.dataset.testid));
  expect(headers).toEqual(['col-infra', 'col-practice', 'col-object-1', 'col-illegal']);
  // Netizens move to the main power tier: their row moves with them.
  await page.getByTestId('list-subject').locator('summary').click();
  await page.getByTestId('entity-net').getByTestId('tier').selectOption('main');
  await expect(page.locator('tbody[data-tier=main] [data-testid=row-net]')).toHaveCount(1);
  await page.getByTestId('entity-net').locator('input[type=color]').evaluate((el) => {
    el.value = '#123456';
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(page.getByTestId('row-net').locator('.swatch')).toHaveCSS('background-color', 'rgb(18, 52, 86)');
  for (let i = 0; i < 5; i++) await app.undoButton.click();
  await expect(page.getByTestId('col-object-1')).toHaveCount(0);
  await expect(page.locator('tbody[data-tier=auxiliary] [data-testid=row-net]')).toHaveCount(1);
});

test('start a synergetic draft from the traditional model, and add a preset model', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await page.getByTestId('model-traditional').getByTestId('duplicate-model').click();
  await expect(page.getByTestId('model-picker')).toHaveValue('traditional-1');
  await expect(page.getByTestId('model-picker').locator('option:checked')).toHaveText('Copy of Traditional multi-regulators model');
  await app.cell('net', 'illegal').click();
  await app.role('supervise').click();
  // The original is untouched.
  await app.pickModel('traditional');
  await expect(app.cell('net', 'illegal')).toHaveAttribute('data-role', '');
  await page.getByTestId('preset-picker').selectOption('blank');
  await page.getByTestId('add-model').click();
  await expect(page.getByTestId('model-picker').locator('option')).toHaveCount(4);
  await expect(app.matrix.locator('[data-role=L], [data-role=M]')).toHaveCount(0);
  await page.getByTestId('model-model-1').getByTestId('delete').click();
  await page.getByTestId('model-model-1').getByTestId('delete-yes').click();
  await expect(page.getByTestId('model-picker').locator('option')).toHaveCount(3);
});

test('a file dropped on the page opens; CSV export has the matrix', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  const text = await (await page.request.get('examples/synergetic.cogovern.json')).text();
  await page.evaluate((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'dropped.cogovern.json', { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  await expect(page.getByTestId('model-picker')).toHaveValue('synergetic');
  await expect(page.getByTestId('title')).toHaveValue('One main power and three auxiliary participators');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const { readFileSync } = await import('node:fs');
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.startsWith('\uFEFFSubject,Infrastructure and facilities,')).toBe(true);
  expect(csv).toContain('Netizens,,Supervises; Online ethics and culture; rights,');
});

test('the footer shows when the workbook last changed, in the chosen language', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await expect(page.getByTestId('modified')).toHaveText(/^Last changed \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/);
  await app.language('zh-CN');
  await expect(page.getByTestId('modified')).toHaveText(/^最后修改于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
});

test('a role\'s weight and flags are editable and feed the analytics', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.pickModel('synergetic');
  await page.getByTestId('list-role').locator('summary').click();
  const supervise = page.getByTestId('entity-supervise');
  await supervise.getByTestId('weight').fill('4');
  await supervise.getByTestId('weight').blur();
  await supervise.getByRole('checkbox', { name: 'Supervision' }).uncheck();
  await app.waitSaved((t) => {
    const r = JSON.parse(t).roles.find((x) => x.id === 'supervise');
    return r.weight === 4 && r.supervision === false;
  });
  // Without a supervising role, no main responsibility is watched any more.
  await app.tab('compare').click();
  await page.getByTestId('compare-from').selectOption('synergetic');
  await expect(page.getByTestId('metric-supervision').locator('td').nth(0)).toHaveText('0.00 poor');
  await app.undoButton.click();
  await expect(page.getByTestId('metric-supervision').locator('td').nth(0)).toHaveText('0.67 good');
});

test('Copy JSON puts the exported workbook on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new Workbench(page);
  await app.fresh();
  await page.getByTestId('copy-json').click();
  await expect(app.status).toContainText('JSON copied to the clipboard.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const exported = await app.exportJson();
  expect(copied).toBe(exported.text);
});
