// Stories of the workbook panel (Matrix tab): models and entities edited in place, always undoable.
import { test, expect } from '@playwright/test';
import { Workbench } from '../pages/workbench.mjs';

test('rename a subject in Chinese, reload, and everything is as it was', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.language('zh-CN');
  await app.pickModel('synergetic');
  await app.matrixTab.list('subject').locator('summary').click();
  const zh = app.matrixTab.name('zh-CN', 'net');
  await zh.fill('广大网民');
  await zh.blur();
  await expect(app.matrixTab.row('net').locator('th')).toHaveText('广大网民');
  await expect(app.undoButton).toHaveAccessibleName('撤销：编辑主体“广大网民”');
  await app.waitSaved((t) => JSON.parse(t).subjects[4].name.zh === '广大网民');
  const before = await app.matrixRoles();
  await page.reload();
  await expect(app.matrixTab.row('net').locator('th')).toHaveText('广大网民');
  await expect(app.modelPicker()).toHaveValue('synergetic');
  await expect(app.tab('matrix')).toHaveText('矩阵');
  expect(await app.matrixRoles()).toEqual(before);
  // The English name is untouched.
  await app.language('en');
  await expect(app.matrixTab.row('net').locator('th')).toHaveText('Netizens');
});

test('deleting a subject warns how many cells go, and undo brings them back', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.pickModel('synergetic');
  await app.matrixTab.list('subject').locator('summary').click();
  await app.matrixTab.delete(app.matrixTab.entity('net')).click();
  const confirm = app.matrixTab.deleteConfirm();
  // Netizens hold 2 cells in the synergetic model and none in the traditional one.
  await expect(confirm).toContainText('Delete Netizens? 2 cell(s) of the matrix change or go.');
  await app.matrixTab.deleteYes(confirm).click();
  await expect(app.matrixTab.row('net')).toHaveCount(0);
  await expect(app.undoButton).toHaveAccessibleName('Undo: delete subject Netizens');
  await app.undoButton.click();
  await expect(app.cell('net', 'illegal')).toHaveAttribute('data-role', 'S');
  await expect(app.cell('net', 'practice')).toHaveAttribute('data-role', 'S');
});

test('add, rename, reorder and recolour entities; tiers regroup the matrix', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.pickModel('synergetic');
  await app.matrixTab.list('object').locator('summary').click();
  await app.matrixTab.add('object').click();
  await expect(app.matrixTab.column('object-1')).toContainText('New object');
  await app.matrixTab.name('en', 'object-1').fill('Data security');
  await expect(app.matrixTab.column('object-1')).toContainText('Data security');
  await expect(app.matrixTab.warning('object-1')).toContainText('No main responsibility');
  await app.matrixTab.entity('object-1').getByRole('button', { name: 'Move Data security up' }).click();
  const headers = await page.$$eval('thead th[data-testid]', (ths) => ths.map((t) => t.dataset.testid));
  expect(headers).toEqual(['col-infra', 'col-practice', 'col-object-1', 'col-illegal']);
  // Netizens move to the main power tier: their row moves with them.
  await app.matrixTab.list('subject').locator('summary').click();
  await app.matrixTab.tier(app.matrixTab.entity('net')).selectOption('main');
  await expect(page.locator('tbody[data-tier=main] [data-testid=row-net]')).toHaveCount(1);
  await app.matrixTab.entity('net').locator('input[type=color]').evaluate((el) => {
    el.value = '#123456';
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(app.matrixTab.row('net').locator('.swatch')).toHaveCSS('background-color', 'rgb(18, 52, 86)');
  for (let i = 0; i < 5; i++) await app.undoButton.click();
  await expect(app.matrixTab.column('object-1')).toHaveCount(0);
  await expect(page.locator('tbody[data-tier=auxiliary] [data-testid=row-net]')).toHaveCount(1);
});

test('start a synergetic draft from the traditional model, and add a preset model', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.matrixTab.duplicateModel(app.matrixTab.model('traditional')).click();
  await expect(app.modelPicker()).toHaveValue('traditional-1');
  await expect(app.modelPicker().locator('option:checked')).toHaveText('Copy of Traditional multi-regulators model');
  await app.cell('net', 'illegal').click();
  await app.role('supervise').click();
  // The original is untouched.
  await app.pickModel('traditional');
  await expect(app.cell('net', 'illegal')).toHaveAttribute('data-role', '');
  await app.matrixTab.presetPicker().selectOption('blank');
  await app.matrixTab.addModel().click();
  await expect(app.modelPicker().locator('option')).toHaveCount(4);
  await expect(app.matrix.locator('[data-role=L], [data-role=M]')).toHaveCount(0);
  await app.matrixTab.delete(app.matrixTab.model('model-1')).click();
  await app.matrixTab.deleteYes(app.matrixTab.model('model-1')).click();
  await expect(app.modelPicker().locator('option')).toHaveCount(3);
});

test('a role\'s weight and flags are editable and feed the analytics', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.pickModel('synergetic');
  await app.matrixTab.list('role').locator('summary').click();
  const supervise = app.matrixTab.entity('supervise');
  await app.matrixTab.weight(supervise).fill('4');
  await app.matrixTab.weight(supervise).blur();
  await supervise.getByRole('checkbox', { name: 'Supervision' }).uncheck();
  await app.waitSaved((t) => {
    const r = JSON.parse(t).roles.find((x) => x.id === 'supervise');
    return r.weight === 4 && r.supervision === false;
  });
  // Without a supervising role, no main responsibility is watched any more.
  await app.tab('compare').click();
  await app.compare.from().selectOption('synergetic');
  await expect(app.compare.metric('supervision').locator('td').nth(0)).toHaveText('0.00 poor');
  await app.undoButton.click();
  await expect(app.compare.metric('supervision').locator('td').nth(0)).toHaveText('0.67 good');
});

test('the legend shows the role scale with its keys, follows a renamed role and the language, and stays as drawn while cells are edited', async ({ page }) => {
  const app = new Workbench(page);
  const m = app.matrixTab;
  await app.fresh();
  await app.pickModel('synergetic');
  expect((await m.legendRoles()).slice(0, 3)).toEqual(['1 L Leads', '2 M Main responsibility', '3 A Assists']);
  // Mark the drawn badges: an edit of a cell must leave these very elements in place.
  await m.legend().locator('.badge').evaluateAll((bs) => bs.forEach((b) => { b.__drawn = true; }));
  await m.cell('net', 'infra').click();
  await m.role('supervise', app.editor).click();
  await expect(m.cell('net', 'infra')).toHaveAttribute('data-role', 'S');
  expect(await m.legend().locator('.badge').evaluateAll((bs) => bs.every((b) => b.__drawn))).toBe(true);
  // A role renamed in the panel is renamed in the legend, and undo renames it back.
  await m.list('role').locator('summary').click();
  const name = m.name('en', 'assist');
  await name.fill('Helps');
  await name.blur();
  expect((await m.legendRoles())[2]).toBe('3 A Helps');
  await app.undoButton.click();
  expect((await m.legendRoles())[2]).toBe('3 A Assists');
  await app.language('zh-CN');
  await expect(m.legend().locator('h2')).toHaveText('角色等级');
  expect((await m.legendRoles())[1]).toMatch(/^2 \S+ 主要责任$/);
  expect(app.errors).toEqual([]);
});
