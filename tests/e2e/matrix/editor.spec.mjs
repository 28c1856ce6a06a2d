// Stories of the Matrix tab's grid and cell editor: by mouse, by keyboard, in Chinese.
import { test, expect } from '@playwright/test';
import { Workbench } from '../pages/workbench.mjs';

test('edit a cell with the mouse, then undo and redo it by the toolbar', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.pickModel('synergetic');
  const cell = app.cell('net', 'infra');
  await expect(cell).toHaveAttribute('data-role', '');
  await cell.click();
  await expect(app.editor).toBeVisible();
  await app.role('supervise').click();
  await expect(cell).toHaveAttribute('data-role', 'S');
  await expect(app.undoButton).toHaveAccessibleName('Undo: set Netizens × Infrastructure and facilities to Supervises');
  await app.matrixTab.method('ethics', app.editor).check();
  await expect(cell.locator('.morals')).toHaveCount(1);
  await app.matrixTab.orientation('rights', app.editor).click();
  // The mark is drawn from this attribute by the stylesheet.
  await expect(cell.locator('.orient')).toHaveAttribute('data-mark', 'R');
  await app.undoButton.click();
  await app.undoButton.click();
  await expect(app.undoButton).toHaveAccessibleName('Undo: set Netizens × Infrastructure and facilities to Supervises');
  await app.undoButton.click();
  await expect(cell).toHaveAttribute('data-role', '');
  await expect(app.redoButton).toHaveAccessibleName('Redo: set Netizens × Infrastructure and facilities to Supervises');
  await app.redoButton.click();
  await expect(cell).toHaveAttribute('data-role', 'S');
  expect(app.errors).toEqual([]);
});

test('column warnings follow every edit: one at a time, two in one task, and their undo', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.pickModel('synergetic');
  const m = app.matrixTab;
  // The paper's synergetic model: one main responsibility per object, so no warning.
  for (const o of ['infra', 'practice', 'illegal']) await expect(m.warning(o)).toHaveCount(0);
  // Two role keys handled in one task: the columns update although their changes came together.
  await page.evaluate(() => {
    for (const id of ['cell-net--infra', 'cell-net--illegal']) {
      document.getElementById(id).dispatchEvent(new KeyboardEvent('keydown', { key: 'm', bubbles: true, cancelable: true }));
    }
  });
  await expect(app.cell('net', 'infra')).toHaveAttribute('data-role', 'M');
  await expect(app.cell('net', 'illegal')).toHaveAttribute('data-role', 'M');
  await expect(m.warning('infra')).toContainText('Several main responsibilities');
  await expect(m.warning('illegal')).toContainText('Several main responsibilities');
  await expect(m.warning('practice')).toHaveCount(0);
  // One edit at a time, each in another column: each column keeps its own count.
  await app.cell('net', 'practice').click();
  await app.role('main').click();
  await expect(m.warning('practice')).toContainText('Several main responsibilities');
  await app.cell('gov', 'infra').click();
  await app.role('assist').click();
  await expect(app.cell('gov', 'infra')).toHaveAttribute('data-role', 'A');
  await expect(m.warning('infra')).toHaveCount(0);
  await expect(m.warning('illegal')).toContainText('Several main responsibilities');
  // Undo, one step at a time, brings every column back.
  await app.undoButton.click();
  await expect(m.warning('infra')).toContainText('Several main responsibilities');
  await app.undoButton.click();
  await expect(m.warning('practice')).toHaveCount(0);
  await app.undoButton.click();
  await app.undoButton.click();
  for (const o of ['infra', 'practice', 'illegal']) await expect(m.warning(o)).toHaveCount(0);
  await expect(app.cell('net', 'infra')).toHaveAttribute('data-role', '');
  expect(app.errors).toEqual([]);
});

test('edit a cell with the keyboard only', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.pickModel('synergetic');
  // Tab into the grid: the roving tabindex puts focus on its first cell.
  await app.modelPicker().focus();
  await page.keyboard.press('Tab');
  await expect(app.cell('party', 'infra')).toBeFocused();
  // Rows: party, gov, ent, assoc, net. Go to Netizens × Infrastructure.
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await expect(app.cell('net', 'infra')).toBeFocused();
  await page.keyboard.press('4');
  await expect(app.cell('net', 'infra')).toHaveAttribute('data-role', 'S');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(app.cell('net', 'illegal')).toBeFocused();
  await page.keyboard.press('m');
  await expect(app.cell('net', 'illegal')).toHaveAttribute('data-role', 'M');
  await expect(app.matrixTab.warning('illegal')).toContainText('Several main responsibilities');
  await page.keyboard.press('Control+z');
  await expect(app.cell('net', 'illegal')).toHaveAttribute('data-role', 'S');
  await page.keyboard.press('Control+Shift+z');
  await expect(app.cell('net', 'illegal')).toHaveAttribute('data-role', 'M');
  await page.keyboard.press('Delete');
  await expect(app.cell('net', 'illegal')).toHaveAttribute('data-role', '');
  await expect(app.matrixTab.warning('illegal')).toHaveCount(0);
  await page.keyboard.press('Control+y');
  await expect(app.cell('net', 'illegal')).toHaveAttribute('data-role', '');
  // Enter opens the editor, typing a note works, Escape closes it and focus returns.
  await page.keyboard.press('Enter');
  await expect(app.editor).toBeVisible();
  await app.matrixTab.note(app.editor).focus();
  await page.keyboard.type('Ask the class');
  await page.keyboard.press('Escape');
  await expect(app.editor).toHaveCount(0);
  await expect(app.cell('net', 'illegal')).toBeFocused();
  await expect(app.undoButton).toHaveAccessibleName('Undo: edit Netizens × Illegal speech and behaviour');
  expect(app.errors).toEqual([]);
});

test('used in 简体中文, the editor shows no English interface text', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.language('zh-CN');
  await app.pickModel('synergetic');
  await app.cell('net', 'illegal').click();
  await expect(app.editor).toBeVisible();
  await app.role('main').click();
  expect(await app.englishLeft()).toEqual([]);
  await expect(app.undoButton).toHaveAccessibleName('撤销：将网民 × 网络违法言行设为主要责任');
  await app.importFile('bad.json', '{"format": "cogovern.workbook", "version": 5}');
  await expect(app.importError).toContainText('此文件为版本 5');
  expect(await app.englishLeft()).toEqual([]);
  await app.closeImportError(app.importError).click();
  for (const list of ['subject', 'object', 'method', 'role']) {
    await app.matrixTab.list(list).locator('summary').click();
  }
  await app.matrixTab.delete(app.matrixTab.entity('gov')).click();
  await expect(app.matrixTab.deleteConfirm()).toContainText('删除政府？');
  expect(await app.englishLeft()).toEqual([]);
  for (const slug of ['diagram', 'analysis', 'compare', 'plan', 'timeline', 'data']) {
    await app.tab(slug).click();
    expect(await app.englishLeft(), slug).toEqual([]);
  }
});

test('a keystroke changes only what it touches: two cells for a focus move, one for a role', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.pickModel('synergetic');
  await app.cell('party', 'infra').focus();
  // Record which cells (or column headers) the page changes from now on.
  await page.evaluate((grid) => {
    window.touched = new Set();
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        window.touched.add(el.closest('[data-testid^="cell-"], [data-testid^="col-"]')?.dataset.testid ?? 'elsewhere');
      }
    }).observe(grid, { subtree: true, childList: true, attributes: true, characterData: true });
  }, await app.matrix.elementHandle());
  const touched = async () => {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const out = await page.evaluate(() => [...window.touched].sort());
    await page.evaluate(() => window.touched.clear());
    return out;
  };
  await page.keyboard.press('ArrowDown');
  await expect(app.cell('gov', 'infra')).toBeFocused();
  expect(await touched()).toEqual(['cell-gov-infra', 'cell-party-infra']);
  await app.cell('net', 'infra').focus();
  await touched();
  await page.keyboard.press('4');
  await expect(app.cell('net', 'infra')).toHaveAttribute('data-role', 'S');
  expect(await touched()).toEqual(['cell-net-infra']);
  expect(app.errors).toEqual([]);
});
