// Page object of the Matrix tab: the grid, the cell editor and the workbook panel.
import { Room } from './room.mjs';

export class MatrixTab extends Room {
  grid(w) { return this.t('matrix', w); }
  /** The cells in the page (a large grid draws only those on screen, plus a margin). */
  drawnCells(w) { return this.grid(w).getByRole('gridcell'); }
  /** Finds a subject or object by name, as a user types it and presses Enter. */
  async find(text) {
    await this.t('find-cell').fill(text);
    await this.t('find-cell').press('Enter');
  }
  findMissing(w) { return this.t('find-missing', w); }
  /** The workbook panel's folding lists (subjects, objects, methods, roles…), closed at first. */
  async panelLists() { return this.page.locator('details[data-testid^="list-"]').all(); }
  /** Scrolls the grid's own frame to (left, top), as a wheel or a swipe would. */
  async scrollGrid(left, top) {
    await this.grid().evaluate((g, [x, y]) => g.parentElement.scrollTo(x, y), [left, top]);
  }
  /** The grid's size and the focused cell's position, as a screen reader announces them. */
  async semantics() {
    return this.page.evaluate(() => {
      const grid = document.querySelector('[role=grid]');
      const cell = document.activeElement;
      return {
        rows: Number(grid.getAttribute('aria-rowcount')),
        cols: Number(grid.getAttribute('aria-colcount')),
        row: Number(cell.closest('[role=row]')?.getAttribute('aria-rowindex')),
        col: Number(cell.getAttribute('aria-colindex')),
        name: cell.getAttribute('aria-label'),
      };
    });
  }
  /** Every drawn row's aria-rowindex and every drawn cell's aria-colindex agree with their order. */
  async indicesInOrder() {
    return this.page.evaluate(() => {
      const rows = [...document.querySelectorAll('[role=grid] [role=row]')].map((r) => Number(r.getAttribute('aria-rowindex')));
      const ascending = (xs) => xs.every((x, i) => i === 0 || x > xs[i - 1]);
      const cols = [...document.querySelectorAll('[role=grid] tbody [role=row]:not(.tier-row)')].map((r) =>
        [...r.querySelectorAll('[aria-colindex]')].map((c) => Number(c.getAttribute('aria-colindex'))));
      return rows.every((x) => x >= 1) && ascending(rows) && cols.every((c) => c[0] === 1 && ascending(c))
        && cols.every((c) => c.slice(2).every((x, i) => x === c[1] + i + 1));
    });
  }
  cell(subject, object, w) { return this.t(`cell-${subject}-${object}`, w); }
  row(subject, w) { return this.t(`row-${subject}`, w); }
  column(object, w) { return this.t(`col-${object}`, w); }
  /** The "no / several main responsibilities" warning of an object's column. */
  warning(object, w) { return this.t(`warn-${object}`, w); }
  /** The legend: the role scale with its keys, and the method marks. */
  legend(w) { return this.t('legend', w); }
  /** The legend's roles, each as "key letter name" (for example "1 L Leads"). */
  async legendRoles() {
    return this.legend().locator('li:has(.badge)').evaluateAll((lis) => lis.map((li) => {
      const key = li.querySelector('kbd').textContent;
      const letter = li.querySelector('.badge').textContent;
      return `${key.trim()} ${letter} ${li.textContent.replace(key, '').replace(letter, '').trim()}`;
    }));
  }
  // The cell editor.
  editor(w) { return this.t('cell-editor', w); }
  role(id, w) { return this.t(`role-${id}`, w); }
  method(id, w) { return this.t(`method-${id}`, w); }
  orientation(id, w) { return this.t(`orientation-${id}`, w); }
  note(w) { return this.t('cell-note', w); }
  clearCell(w) { return this.t('cell-clear', w); }
  closeEditor(w) { return this.t('cell-close', w); }
  // The workbook panel.
  model(id, w) { return this.t(`model-${id}`, w); }
  addModel(w) { return this.t('add-model', w); }
  duplicateModel(w) { return this.t('duplicate-model', w); }
  presetPicker(w) { return this.t('preset-picker', w); }
  /** The list of one kind of entity: subject, object, method, role. */
  list(kind, w) { return this.t(`list-${kind}`, w); }
  add(kind, w) { return this.t(`add-${kind}`, w); }
  entity(id, w) { return this.t(`entity-${id}`, w); }
  /** The name input of an entity in one language (en, zh-CN). */
  name(lang, id, w) { return this.t(`name-${lang}-${id}`, w); }
  tier(w) { return this.t('tier', w); }
  weight(w) { return this.t('weight', w); }
  delete(w) { return this.t('delete', w); }
  deleteConfirm(w) { return this.t('delete-confirm', w); }
  deleteYes(w) { return this.t('delete-yes', w); }
}
