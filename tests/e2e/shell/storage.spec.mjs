// Stories of autosave: reloads, page hide, full or missing storage, unreadable data, two tabs,
// the move from localStorage to IndexedDB.
import { test, expect } from '@playwright/test';
import { Workbench } from '../pages/workbench.mjs';

test('an edit survives a reload, on the same model and view', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.pickModel('synergetic');
  await app.cell('net', 'infra').click();
  await app.role('informed').click();
  await app.waitSaved((t) => !!t && t.includes('"informed"') && JSON.parse(t).models[1].cells.net.infra?.role === 'informed');
  await page.reload();
  await expect(app.cell('net', 'infra')).toHaveAttribute('data-role', 'I');
  await expect(app.modelPicker()).toHaveValue('synergetic');
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
  // Click, hide and ask for the saved copy in one synchronous step: no timer can have saved in
  // between, and IndexedDB answers requests in the order they were made.
  const saved = await page.evaluate(() => {
    document.querySelector('[data-testid=cell-editor] [data-testid=role-informed]').click();
    window.dispatchEvent(new Event('pagehide'));
    return new Promise((resolve) => {
      const req = indexedDB.open('cogovern');
      req.onsuccess = () => {
        const get = req.result.transaction('kv').objectStore('kv').get('cogovern.workbook');
        get.onsuccess = () => resolve(JSON.parse(get.result).models[1].cells.net?.infra?.role);
      };
    });
  });
  expect(saved).toBe('informed');
});

test('when storage is full a banner says so, nothing is lost, and a download is offered', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.pickModel('synergetic');
  // Stub the quota: every write from now on fails as a full storage does.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  await app.cell('net', 'infra').click();
  await app.role('assist').click();
  const banner = app.storageBanner();
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('storage full');
  await expect(banner).toHaveAttribute('role', 'alert');
  await expect(app.cell('net', 'infra')).toHaveAttribute('data-role', 'A');
  const [download] = await Promise.all([page.waitForEvent('download'), app.storageDownload(banner).click()]);
  const { readFileSync } = await import('node:fs');
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(saved.models[1].cells.net.infra.role).toBe('assist');
});

test('unreadable saved data is kept for recovery and the app starts on the presets', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.putStored('cogovern.workbook', '{"format": "cogovern.workbook", "version": 1, "meta": ');
  await page.reload();
  const banner = app.recoveryBanner();
  await expect(banner).toBeVisible();
  await expect(app.cell('gov', 'infra')).toHaveAttribute('data-role', 'M');
  await expect.poll(() => app.stored('cogovern.recovery'))
    .toBe('{"format": "cogovern.workbook", "version": 1, "meta": ');
  const [download] = await Promise.all([page.waitForEvent('download'), app.recoveryDownload(banner).click()]);
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
  const bBanner = b.conflictBanner();
  await expect(bBanner).toBeVisible();
  // Tab B edits too; while the choice is open it does not overwrite tab A's save.
  await b.cell('ent', 'illegal').click();
  await b.role('supervise').click();
  await other.waitForTimeout(800);
  expect(JSON.parse(await a.saved()).models[1].cells.net.infra.role).toBe('informed');
  // Tab B keeps its own version; tab A's is kept as a saved version; now tab A is asked and
  // loads B's.
  const versions = JSON.parse((await a.stored('cogovern.versions')) || '[]');
  await b.keepMine(bBanner).click();
  await expect(bBanner).toHaveCount(0);
  await a.waitSaved((t) => JSON.parse(t).models[1].cells.ent.illegal.role === 'supervise');
  const after = JSON.parse(await a.stored('cogovern.versions'));
  expect(after).toHaveLength(versions.length + 1);
  const kept = JSON.parse(await a.stored(`cogovern.version.${after.at(-1)}`));
  expect(kept.models[1].cells.net.infra.role).toBe('informed');
  const aBanner = a.conflictBanner();
  await expect(aBanner).toBeVisible();
  await a.takeTheirs(aBanner).click();
  await expect(aBanner).toHaveCount(0);
  await expect(a.cell('ent', 'illegal')).toHaveAttribute('data-role', 'S');
  await expect(a.cell('net', 'infra')).toHaveAttribute('data-role', '');
  // Nothing is lost: tab A's own edit is one undo away.
  await a.undoButton.click();
  await expect(a.cell('net', 'infra')).toHaveAttribute('data-role', 'I');
});

test('a save that does not read back is reported, never taken as saved', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  // Writes "succeed" but the storage hands back something else: the app must not trust them.
  await page.evaluate(() => {
    const realGet = IDBObjectStore.prototype.get;
    IDBObjectStore.prototype.get = function (key) {
      return realGet.call(this, key === 'cogovern.workbook' ? 'cogovern.elsewhere' : key);
    };
  });
  await app.pickModel('synergetic');
  await app.cell('net', 'infra').click();
  await app.role('assist').click();
  const banner = app.storageBanner();
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('the saved copy did not read back');
  await expect(app.cell('net', 'infra')).toHaveAttribute('data-role', 'A');
});

test('without any storage the app still works and says it cannot save', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
    Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  const app = new Workbench(page);
  await app.open();
  await app.cell('gov', 'infra').click();
  await app.role('assist').click();
  await expect(app.cell('gov', 'infra')).toHaveAttribute('data-role', 'A');
  await expect(app.storageBanner()).toContainText('storage unavailable');
});

test('a workbook saved by an earlier version in localStorage moves to IndexedDB on first start', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  const res = await page.request.get('examples/synergetic.cogovern.json');
  const old = JSON.parse(await res.text());
  old.models[0].cells.net.illegal.role = 'consulted';
  // As the previous version left it: the workbook in localStorage, no database.
  await page.evaluate((text) => {
    indexedDB.deleteDatabase('cogovern');
    localStorage.setItem('cogovern.workbook', text);
  }, JSON.stringify(old, null, 2));
  await page.reload();
  await app.pickModel(old.models[0].id);
  await expect(app.cell('net', 'illegal')).toHaveAttribute('data-role', 'C');
  await expect.poll(async () => JSON.parse(await app.saved() || '{}').models?.[0].cells.net.illegal.role).toBe('consulted');
  expect(await page.evaluate(() => localStorage.getItem('cogovern.workbook'))).toBeNull();
  // And from now on it is read from IndexedDB.
  await page.reload();
  await app.pickModel(old.models[0].id);
  await expect(app.cell('net', 'illegal')).toHaveAttribute('data-role', 'C');
  expect(app.errors).toEqual([]);
});

test('where IndexedDB is missing, autosave uses localStorage and an edit survives a reload', async ({ page }) => {
  const app = new Workbench(page);
  await app.freshWithoutIndexedDB();
  await app.pickModel('synergetic');
  await app.cell('net', 'infra').click();
  await app.role('informed').click();
  await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('cogovern.workbook') || '{}').models?.[1].cells.net?.infra?.role))
    .toBe('informed');
  await page.reload();
  await expect(app.cell('net', 'infra')).toHaveAttribute('data-role', 'I');
  await expect(app.storageBanner()).toHaveCount(0);
});
