// Stories of a country-sized matrix: 200 subjects × 200 objects, drawn only where it is seen.
import { test, expect } from '@playwright/test';
import { Workbench } from '../pages/workbench.mjs';
import { bigRole, bigWorkbook } from '../big.mjs';

test('a 200×200 workbook opens; a far cell is reached by keyboard, edited, undone, and survives a reload', async ({ page }) => {
  test.setTimeout(90_000);
  const app = new Workbench(page);
  await app.fresh();
  await app.importFile('national.cogovern.json', JSON.stringify(bigWorkbook(200)));
  await expect(app.cell('s0', 'o0')).toHaveAttribute('data-role', bigRole(0, 0));
  // Only what is on screen is drawn, yet a screen reader hears the whole grid:
  // 200 subjects + 3 tier headings + the header row; 200 objects + the subject column.
  expect(await app.matrixTab.drawnCells().count()).toBeLessThan(1500);
  await app.cell('s0', 'o0').focus();
  expect(await app.matrixTab.semantics()).toMatchObject({ rows: 204, cols: 201, row: 3, col: 2 });

  // Ctrl+End: the last cell of the last row, scrolled into view.
  await page.keyboard.press('Control+End');
  const far = app.cell('s199', 'o199');
  await expect(far).toBeFocused();
  await expect(far).toBeInViewport();
  expect(await app.matrixTab.semantics()).toMatchObject({ rows: 204, cols: 201, row: 204, col: 201 });
  expect(await app.matrixTab.indicesInOrder()).toBe(true);
  // Arrow keys and Page Up walk on from there.
  await page.keyboard.press('ArrowLeft');
  await expect(app.cell('s199', 'o198')).toBeFocused();
  await page.keyboard.press('PageUp');
  const up = await app.matrixTab.semantics();
  expect(up.row).toBeLessThan(204);
  expect(up.col).toBe(200);
  await page.keyboard.press('Control+End');
  await expect(far).toBeFocused();

  // Edit, undo, redo.
  expect(bigRole(199, 199)).toBe('A');
  await page.keyboard.press('2');
  await expect(far).toHaveAttribute('data-role', 'M');
  await app.undoButton.click();
  await expect(far).toHaveAttribute('data-role', 'A');
  await app.redoButton.click();
  await expect(far).toHaveAttribute('data-role', 'M');

  // The edit is saved; after a reload the cell is reached again and still holds it.
  await app.waitSaved((t) => !!t && JSON.parse(t).models[0].cells.s199?.o199?.role === 'main');
  await page.reload();
  await app.cell('s0', 'o0').focus();
  await page.keyboard.press('Control+End');
  await expect(far).toBeFocused();
  await expect(far).toHaveAttribute('data-role', 'M');
  expect(app.errors).toEqual([]);
});

test('scrolling a large grid draws the cells that come into view, with their places announced', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.importFile('national.cogovern.json', JSON.stringify(bigWorkbook(120, 80)));
  await expect(app.cell('s0', 'o0')).toBeVisible();
  await expect(app.cell('s119', 'o79')).toHaveCount(0);
  // Scroll the grid's frame (a mouse wheel or a touch swipe) to its far corner.
  await app.matrixTab.scrollGrid(1e6, 1e6);
  await expect(app.cell('s119', 'o79')).toBeVisible();
  await expect(app.cell('s119', 'o79')).toHaveAttribute('data-role', bigRole(119, 79));
  await expect(app.cell('s0', 'o0')).toHaveCount(0);
  expect(await app.matrixTab.indicesInOrder()).toBe(true);
  // Tab from outside the grid lands on a cell on screen, not on one scrolled away.
  await app.modelPicker().focus();
  for (let i = 0; i < 30 && !(await page.evaluate(() => document.activeElement?.getAttribute('role') === 'gridcell')); i++) {
    await page.keyboard.press('Tab');
  }
  const cell = page.locator(':focus');
  await expect(cell).toHaveAttribute('role', 'gridcell');
  await expect(cell).toBeInViewport();
  expect(app.errors).toEqual([]);
});

test("find goes to a subject's row or an object's column far off screen, in either language", async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.importFile('national.cogovern.json', JSON.stringify(bigWorkbook(200)));
  await expect(app.cell('s0', 'o0')).toBeVisible();
  await app.cell('s0', 'o3').focus();
  await app.matrixTab.find('subject 150');
  await expect(app.cell('s150', 'o3')).toBeFocused();
  await expect(app.cell('s150', 'o3')).toBeInViewport();
  await app.matrixTab.find('Object 177');
  await expect(app.cell('s150', 'o177')).toBeFocused();
  // The focus is in the grid: keys work on from there.
  await page.keyboard.press('ArrowRight');
  await expect(app.cell('s150', 'o178')).toBeFocused();
  await app.matrixTab.find('no such thing');
  await expect(app.matrixTab.findMissing()).toContainText('No subject or object is named “no such thing”');
  await app.language('zh-CN');
  await app.matrixTab.find('主体42');
  await expect(app.cell('s42', 'o178')).toBeFocused();
  expect(app.errors).toEqual([]);
});

test('walking down a large grid by keyboard loses no key press, and the rows beyond the screen follow', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.importFile('national.cogovern.json', JSON.stringify(bigWorkbook(120, 30)));
  await app.cell('s0', 'o0').focus();
  // 40 presses as fast as the keyboard sends them, past several steps of the drawn window:
  // rows are drawn and dropped between them, and some land before their cell is drawn.
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown');
  // Rows go by tier: the 30 leading subjects (s0, s4, … s116), then the main ones (s1, s5, …):
  // 40 rows down from s0 is s41.
  await expect(app.cell('s41', 'o0')).toBeFocused();
  await expect(app.cell('s41', 'o0')).toBeInViewport();
  // Soon after, the lines just below the screen are drawn too, in order.
  const line = (testid) => page.evaluate((t) => Number(document.querySelector(`[data-testid="${t}"]`).closest('[role=row]').getAttribute('aria-rowindex')), testid);
  const at = await line('cell-s41-o0');
  const lowest = () => page.evaluate(() => Math.max(...[...document.querySelectorAll('[role=grid] tbody [role=row]')]
    .map((r) => Number(r.getAttribute('aria-rowindex')))));
  await expect.poll(lowest).toBeGreaterThanOrEqual(at + 4);
  expect(await app.matrixTab.indicesInOrder()).toBe(true);
  // A role key pressed at once after a move sets the cell moved to, not the one left.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('1');
  await expect(app.cell('s45', 'o0')).toHaveAttribute('data-role', 'L');
  await expect(app.cell('s41', 'o0')).toHaveAttribute('data-role', bigRole(41, 0));
  expect(app.errors).toEqual([]);
});
