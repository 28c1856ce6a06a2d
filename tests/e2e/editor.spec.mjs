// Stories of the matrix editor: editing by mouse and keyboard, undo/redo, files in and out,
// storage trouble, two tabs, and the Chinese interface.
import { test, expect } from '@playwright/test';
import { Workbench } from './pages/workbench.mjs';

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
  await app.editor.getByTestId('method-ethics').check();
  await expect(cell.locator('.morals')).toHaveCount(1);
  await app.editor.getByTestId('orientation-rights').click();
  await expect(cell).toContainText('R');
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

test('edit a cell with the keyboard only', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.pickModel('synergetic');
  // Tab into the grid: the roving tabindex puts focus on its first cell.
  await page.getByTestId('model-picker').focus();
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
  await expect(page.getByTestId('warn-illegal')).toContainText('Several main responsibilities');
  await page.keyboard.press('Control+z');
  await expect(app.cell('net', 'illegal')).toHaveAttribute('data-role', 'S');
  await page.keyboard.press('Control+Shift+z');
  await expect(app.cell('net', 'illegal')).toHaveAttribute('data-role', 'M');
  await page.keyboard.press('Delete');
  await expect(app.cell('net', 'illegal')).toHaveAttribute('data-role', '');
  await expect(page.getByTestId('warn-illegal')).toHaveCount(0);
  await page.keyboard.press('Control+y');
  await expect(app.cell('net', 'illegal')).toHaveAttribute('data-role', '');
  // Enter opens the editor, typing a note works, Escape closes it and focus returns.
  await page.keyboard.press('Enter');
  await expect(app.editor).toBeVisible();
  await app.editor.getByTestId('cell-note').focus();
  await page.keyboard.type('Ask the class');
  await page.keyboard.press('Escape');
  await expect(app.editor).toHaveCount(0);
  await expect(app.cell('net', 'illegal')).toBeFocused();
  await expect(app.undoButton).toHaveAccessibleName('Undo: edit Netizens × Illegal speech and behaviour');
  expect(app.errors).toEqual([]);
});

test('an edit survives a reload, on the same model and view', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.pickModel('synergetic');
  await app.cell('net', 'infra').click();
  await app.role('informed').click();
  await app.waitSaved((t) => !!t && t.includes('"informed"') && JSON.parse(t).models[1].cells.net.infra?.role === 'informed');
  await page.reload();
  await expect(app.cell('net', 'infra')).toHaveAttribute('data-role', 'I');
  await expect(page.getByTestId('model-picker')).toHaveValue('synergetic');
  await app.tab('timeline').click();
  await expect.poll(() => page.evaluate(() => localStorage.getItem('cogovern.ui'))).toContain('timeline');
  await page.reload();
  await expect(app.tab('timeline')).toHaveAttribute('aria-selected', 'true');
});

test('hiding the page saves at once, before the autosave delay', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.pickModel('synergetic');
  await app.cell('net', 'infra').click();
  // Click, hide and read back in one synchronous step: no timer can have saved in between.
  const saved = await page.evaluate(() => {
    document.querySelector('[data-testid=cell-editor] [data-testid=role-informed]').click();
    window.dispatchEvent(new Event('pagehide'));
    return JSON.parse(localStorage.getItem('cogovern.workbook')).models[1].cells.net?.infra?.role;
  });
  expect(saved).toBe('informed');
});

test('export, then import the exported file: the workbook is identical', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.pickModel('synergetic');
  await app.cell('assoc', 'infra').click();
  await app.role('consulted').click();
  const first = await app.exportJson();
  expect(first.name).toMatch(/^Cyberspace-governance--traditional-and-synergetic-models-\d{4}-\d{2}-\d{2}\.cogovern\.json$/);
  JSON.parse(first.text);
  // Change something, then open the exported file: it replaces the change.
  await app.role('lead').click();
  await expect(app.cell('assoc', 'infra')).toHaveAttribute('data-role', 'L');
  await app.importFile('workshop.cogovern.json', first.text);
  await expect(app.status).toContainText('Opened');
  await expect(app.cell('assoc', 'infra')).toHaveAttribute('data-role', 'C');
  const second = await app.exportJson();
  expect(second.text).toBe(first.text);
  // The previous workbook is one undo away.
  await app.undoButton.click();
  await expect(app.cell('assoc', 'infra')).toHaveAttribute('data-role', 'L');
});

test('paste JSON opens a workbook too', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  const res = await page.request.get('examples/synergetic.cogovern.json');
  await page.getByTestId('paste').click();
  await page.getByTestId('paste-text').fill(await res.text());
  await page.getByTestId('paste-open').click();
  await expect(page.getByTestId('paste-dialog')).toHaveCount(0);
  await expect(page.getByTestId('model-picker')).toHaveValue('synergetic');
  await expect(page.getByTestId('title')).toHaveValue('One main power and three auxiliary participators');
});

const damaged = [
  ['syntax error', '{\n  "format": "cogovern.workbook",\n  "version": 1\n  "meta": {}\n}', /Line 4, column 3/],
  ['newer version', null, /version 9, made by a newer cogovern; this one reads versions up to 2/],
  ['dangling id', null, /models\[1\]\.cells\.net\.illegal\.role: refers to role "boss"/],
  ['wrong type', null, /At meta\.title: invalid type: integer `42`, expected a string/],
  ['not JSON at all', 'Subject,Object\nGovernments,Infrastructure\n', /Line 1, column 1: this is not valid JSON/],
];

for (const [what, content, message] of damaged) {
  test(`a damaged file (${what}) shows a precise error and changes nothing`, async ({ page }) => {
    const app = new Workbench(page);
    await app.fresh();
    await app.pickModel('synergetic');
    let text = content;
    if (text === null) {
      const good = JSON.parse(await (await page.request.get('examples/paper.cogovern.json')).text());
      if (what === 'newer version') good.version = 9;
      if (what === 'dangling id') good.models[1].cells.net.illegal.role = 'boss';
      if (what === 'wrong type') good.meta.title = 42;
      text = JSON.stringify(good, null, 2);
    }
    const before = await app.matrixRoles();
    const savedBefore = await app.saved();
    await app.importFile('damaged.json', text);
    await expect(app.importError).toBeVisible();
    await expect(app.importError).toContainText(message);
    await expect(app.importError).toContainText('Your current workbook is unchanged.');
    await app.importError.getByTestId('import-error-close').click();
    await expect(app.importError).toHaveCount(0);
    expect(await app.matrixRoles()).toEqual(before);
    await expect(page.getByTestId('model-picker')).toHaveValue('synergetic');
    await expect(app.undoButton).toBeDisabled();
    expect(await app.saved()).toBe(savedBefore);
  });
}

test('when storage is full a banner says so, nothing is lost, and a download is offered', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.pickModel('synergetic');
  // Stub the quota: every write from now on fails as a full storage does.
  await page.evaluate(() => {
    Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  await app.cell('net', 'infra').click();
  await app.role('assist').click();
  const banner = page.getByTestId('storage-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('storage full');
  await expect(banner).toHaveAttribute('role', 'alert');
  await expect(app.cell('net', 'infra')).toHaveAttribute('data-role', 'A');
  const [download] = await Promise.all([page.waitForEvent('download'), banner.getByTestId('storage-download').click()]);
  const { readFileSync } = await import('node:fs');
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(saved.models[1].cells.net.infra.role).toBe('assist');
});

test('unreadable saved data is kept for recovery and the app starts on the presets', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await page.evaluate(() => localStorage.setItem('cogovern.workbook', '{"format": "cogovern.workbook", "version": 1, "meta": '));
  await page.reload();
  const banner = page.getByTestId('recovery-banner');
  await expect(banner).toBeVisible();
  await expect(app.cell('gov', 'infra')).toHaveAttribute('data-role', 'M');
  expect(await page.evaluate(() => localStorage.getItem('cogovern.recovery')))
    .toBe('{"format": "cogovern.workbook", "version": 1, "meta": ');
  const [download] = await Promise.all([page.waitForEvent('download'), banner.getByTestId('recovery-download').click()]);
  expect(download.suggestedFilename()).toBe('cogovern-recovery.txt');
});

test('two tabs edit the same workbook: the conflict is shown and the user chooses', async ({ page, context }) => {
  const a = new Workbench(page);
  await a.fresh();
  const other = await context.newPage();
  const b = new Workbench(other);
  await b.open();
  await a.pickModel('synergetic');
  await b.pickModel('synergetic');
  // Tab A edits and saves; tab B, still on the older version, is told.
  await a.cell('net', 'infra').click();
  await a.role('informed').click();
  await a.waitSaved((t) => JSON.parse(t).models[1].cells.net?.infra?.role === 'informed');
  const bBanner = other.getByTestId('conflict-banner');
  await expect(bBanner).toBeVisible();
  // Tab B edits too; while the choice is open it does not overwrite tab A's save.
  await b.cell('ent', 'illegal').click();
  await b.role('supervise').click();
  await other.waitForTimeout(800);
  expect(JSON.parse(await a.saved()).models[1].cells.net.infra.role).toBe('informed');
  // Tab B keeps its own version; now tab A is asked and loads it.
  await bBanner.getByTestId('conflict-keep').click();
  await expect(bBanner).toHaveCount(0);
  await a.waitSaved((t) => JSON.parse(t).models[1].cells.ent.illegal.role === 'supervise');
  const aBanner = page.getByTestId('conflict-banner');
  await expect(aBanner).toBeVisible();
  await aBanner.getByTestId('conflict-take').click();
  await expect(aBanner).toHaveCount(0);
  await expect(a.cell('ent', 'illegal')).toHaveAttribute('data-role', 'S');
  await expect(a.cell('net', 'infra')).toHaveAttribute('data-role', '');
  // Nothing is lost: tab A's own edit is one undo away.
  await a.undoButton.click();
  await expect(a.cell('net', 'infra')).toHaveAttribute('data-role', 'I');
});

/** Text nodes and accessible names with English words, outside content marked lang="en". */
async function englishLeft(page) {
  return page.evaluate(() => {
    // Names of keys and file formats, printed on keyboards and in file names, stay as they are.
    const allowed = new Set(['cogovern', 'JSON', 'CSV', 'SVG', 'PNG', 'Esc', 'Delete', 'Tab', 'Enter', 'Markdown', 'English']);
    const english = (s) => (s.match(/[A-Za-z]{2,}/g) || []).filter((w) => !allowed.has(w));
    const skip = (el) => !el || el.closest('[lang="en"], script, style, noscript, option[hidden]');
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!skip(n.parentElement) && english(n.textContent).length) found.push(n.textContent.trim());
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (skip(el)) continue;
      for (const attr of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(attr);
        if (v && english(v).length) found.push(`${attr}="${v}"`);
      }
    }
    return found;
  });
}

test('used in 简体中文, the editor shows no English interface text', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.language('zh-CN');
  await app.pickModel('synergetic');
  await app.cell('net', 'illegal').click();
  await expect(app.editor).toBeVisible();
  await app.role('main').click();
  expect(await englishLeft(page)).toEqual([]);
  await expect(app.undoButton).toHaveAccessibleName('撤销：将网民 × 网络违法言行设为主要责任');
  await app.importFile('bad.json', '{"format": "cogovern.workbook", "version": 5}');
  await expect(app.importError).toContainText('此文件为版本 5');
  expect(await englishLeft(page)).toEqual([]);
  await app.importError.getByTestId('import-error-close').click();
  for (const list of ['subject', 'object', 'method', 'role']) {
    await page.getByTestId(`list-${list}`).locator('summary').click();
  }
  await page.getByTestId('entity-gov').getByTestId('delete').click();
  await expect(page.getByTestId('delete-confirm')).toContainText('删除政府？');
  expect(await englishLeft(page)).toEqual([]);
  for (const slug of ['diagram', 'analysis', 'compare', 'plan', 'timeline', 'data']) {
    await app.tab(slug).click();
    expect(await englishLeft(page), slug).toEqual([]);
  }
});

test('a save that does not read back is reported, never taken as saved', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  // Writes "succeed" but the storage hands back something else: the app must not trust them.
  await page.evaluate(() => {
    const realGet = Storage.prototype.getItem;
    Storage.prototype.getItem = function (key) {
      return key === 'cogovern.workbook' ? '{"corrupted": true}' : realGet.call(this, key);
    };
  });
  await app.pickModel('synergetic');
  await app.cell('net', 'infra').click();
  await app.role('assist').click();
  const banner = page.getByTestId('storage-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('the saved copy did not read back');
  await expect(app.cell('net', 'infra')).toHaveAttribute('data-role', 'A');
});

test('without any storage the app still works and says it cannot save', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  const app = new Workbench(page);
  await app.open();
  await app.cell('gov', 'infra').click();
  await app.role('assist').click();
  await expect(app.cell('gov', 'infra')).toHaveAttribute('data-role', 'A');
  await expect(page.getByTestId('storage-banner')).toContainText('storage unavailable');
});
