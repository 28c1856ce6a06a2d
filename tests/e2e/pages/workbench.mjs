// Page object of the workbench: every selector the stories use lives here.
import { expect } from '@playwright/test';

export class Workbench {
  constructor(page) {
    this.page = page;
    this.errors = [];
    page.on('console', (m) => { if (m.type() === 'error') this.errors.push(m.text()); });
    page.on('pageerror', (e) => this.errors.push(e.message));
    this.matrix = page.getByTestId('matrix');
    this.undoButton = page.getByTestId('undo');
    this.redoButton = page.getByTestId('redo');
    this.editor = page.getByTestId('cell-editor');
    this.status = page.getByTestId('status');
    this.importError = page.getByTestId('import-error');
  }

  /** Opens the app and waits until the wasm has mounted. */
  async open(path = '/') {
    await this.page.goto(path);
    await expect(this.page.getByTestId('tab-matrix')).toBeVisible();
  }

  /** Opens the app on a clean profile: no saved workbook. */
  async fresh() {
    await this.open();
    await this.page.evaluate(() => localStorage.clear());
    await this.page.reload();
    await expect(this.page.getByTestId('tab-matrix')).toBeVisible();
    await this.waitSaved((t) => !!t);
  }

  tab(slug) { return this.page.getByTestId(`tab-${slug}`); }
  cell(subject, object) { return this.page.getByTestId(`cell-${subject}-${object}`); }
  role(id) { return this.editor.getByTestId(`role-${id}`); }

  async pickModel(id) { await this.page.getByTestId('model-picker').selectOption(id); }
  async language(tag) { await this.page.getByTestId(`lang-${tag}`).click(); }

  /** The autosaved workbook text. */
  async saved() { return this.page.evaluate(() => localStorage.getItem('cogovern.workbook')); }

  /** Waits for the debounced autosave to write something satisfying `pred`. */
  async waitSaved(pred) {
    await expect.poll(async () => pred(await this.saved()), { timeout: 5000 }).toBe(true);
  }

  /** The current workbook as exported JSON, read through the Download JSON button. */
  async exportJson() {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('export-json').click(),
    ]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
  }

  /** Opens a file through the file picker. */
  async importFile(name, content) {
    await this.page.getByTestId('file-input').setInputFiles({
      name, mimeType: 'application/json', buffer: Buffer.isBuffer(content) ? content : Buffer.from(content),
    });
  }

  /** The roles of every cell, for "nothing changed" checks. */
  async matrixRoles() {
    return this.page.$$eval('[role=gridcell]', (cells) => cells.map((c) => `${c.dataset.testid}=${c.dataset.role}`));
  }
}
