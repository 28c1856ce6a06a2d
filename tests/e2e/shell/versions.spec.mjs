// Stories of kept versions and of saves that are interrupted: autosave keeps earlier saves to
// restore, and a save cut off at any step leaves the previous good save (and the kept
// versions) loadable.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Workbench } from '../pages/workbench.mjs';

/** The role of `subject` × `object` in the synergetic model of the workbook text `t`. */
const role = (t, subject, object) => JSON.parse(t).models[1].cells[subject]?.[object]?.role;

/** The stored index of kept versions. */
async function index(app) {
  return JSON.parse((await app.stored('cogovern.versions')) || '[]');
}

test('earlier saves are kept as versions, listed, restored in one undo step and downloaded', async ({ page }) => {
  await page.clock.install();
  const app = new Workbench(page);
  await app.fresh();
  await app.pickModel('synergetic');
  await app.versionsButton().click();
  await expect(app.t('versions-none')).toBeVisible();
  await app.closeVersions().click();
  await expect(app.versionsDialog()).toHaveCount(0);
  // The first change of this visit keeps the workbook as it was found.
  await app.cell('net', 'infra').click();
  await app.role('informed').click();
  await app.waitSaved((t) => role(t, 'net', 'infra') === 'informed');
  await expect.poll(() => index(app)).toHaveLength(1);
  // Six minutes on, two more changes: the save that replaces the first of them keeps it.
  await page.clock.fastForward('06:00');
  await app.cell('ent', 'illegal').click();
  await app.role('supervise').click();
  await app.waitSaved((t) => role(t, 'ent', 'illegal') === 'supervise');
  await app.cell('gov', 'infra').click();
  await app.role('assist').click();
  await app.waitSaved((t) => role(t, 'gov', 'infra') === 'assist');
  await expect.poll(() => index(app)).toHaveLength(2);
  // Listed newest first, with when each was saved; the controls say which version they act on.
  await app.versionsButton().click();
  const rows = app.versions();
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('just now');
  await expect(rows.nth(1)).toContainText('6 min ago');
  await expect(app.restoreVersion(rows.nth(1))).toHaveAccessibleName(/^Restore the version of /);
  // Download the newer one: the workbook with the first two changes, not the third.
  const [download] = await Promise.all([page.waitForEvent('download'), app.downloadVersion(rows.nth(0)).click()]);
  expect(download.suggestedFilename()).toMatch(/^cogovern-version-\d{4}-\d\d-\d\d-\d{4}Z\.cogovern\.json$/);
  const text = readFileSync(await download.path(), 'utf8');
  expect([role(text, 'net', 'infra'), role(text, 'ent', 'illegal'), role(text, 'gov', 'infra')])
    .toEqual(['informed', 'supervise', 'main']);
  // Restore the older one: the workbook as it was found; Undo brings the changes back.
  await app.restoreVersion(rows.nth(1)).click();
  await expect(app.versionsDialog()).toHaveCount(0);
  await expect(app.status).toContainText('Restored the version of');
  await expect(app.cell('net', 'infra')).toHaveAttribute('data-role', '');
  await expect(app.cell('gov', 'infra')).toHaveAttribute('data-role', 'M');
  await app.undoButton.click();
  await expect(app.cell('net', 'infra')).toHaveAttribute('data-role', 'I');
  await expect(app.cell('gov', 'infra')).toHaveAttribute('data-role', 'A');
  // The versions and the work survive a reload, and the dialog speaks Chinese too.
  await app.waitSaved((t) => role(t, 'gov', 'infra') === 'assist');
  await page.reload();
  await expect(app.cell('gov', 'infra')).toHaveAttribute('data-role', 'A');
  await app.language('zh-CN');
  await app.versionsButton().click();
  await expect(app.versions()).toHaveCount(2);
  await expect(app.versions().nth(1)).toContainText('分钟前');
  await expect(app.closeVersions()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(app.versionsDialog()).toHaveCount(0);
  await expect(app.versionsButton()).toBeFocused();
  expect(app.errors).toEqual([]);
});

/** Makes the `at`-th storage request of the next save fail: thrown with `name`, or, with
 *  `abort`, the save's transaction aborted right after that request, as if the tab were
 *  killed between two writes. Requests: the transaction, the workbook, the kept version, the
 *  index of versions, the deletion of the oldest version. */
async function breakSave(page, at, { name = 'UnknownError', abort = false } = {}) {
  await page.evaluate(([at, name, abort]) => {
    let n = 0;
    const hit = () => ++n === at;
    const fail = () => { throw new DOMException('stub: the write did not happen', name); };
    const transaction = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (stores, mode) {
      if (mode === 'readwrite' && hit() && !abort) fail();
      return transaction.apply(this, arguments);
    };
    for (const method of ['put', 'delete']) {
      const real = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function () {
        const now = hit();
        if (now && !abort) fail();
        const request = real.apply(this, arguments);
        if (now) this.transaction.abort();
        return request;
      };
    }
  }, [at, name, abort]);
}

test('a save cut off at any step leaves the previous save and the kept versions loadable', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new Workbench(page);
  await app.fresh();
  await app.pickModel('synergetic');
  await app.cell('net', 'infra').click();
  await app.role('informed').click();
  await app.waitSaved((t) => role(t, 'net', 'infra') === 'informed');
  // Ten versions already kept, so the next save also deletes the oldest: every kind of step.
  const good = await app.saved();
  const times = Array.from({ length: 10 }, (_, i) => 1_000 * (i + 1));
  for (const t of times) await app.putStored(`cogovern.version.${t}`, good);
  await app.putStored('cogovern.versions', JSON.stringify(times));
  const cases = [1, 2, 3, 4, 5].map((at) => ({ at }))
    .concat([2, 3, 4, 5].map((at) => ({ at, abort: true })));
  for (const how of cases) {
    await page.reload();
    await expect(app.cell('net', 'infra')).toHaveAttribute('data-role', 'I');
    await breakSave(page, how.at, how);
    await app.cell('net', 'infra').click();
    await app.role('assist').click();
    await expect(app.storageBanner(), JSON.stringify(how)).toBeVisible();
    // Reopened: the previous save, every kept version still there and readable.
    await page.reload();
    await expect(app.cell('net', 'infra'), JSON.stringify(how)).toHaveAttribute('data-role', 'I');
    await expect(app.recoveryBanner()).toHaveCount(0);
    expect(await app.saved()).toBe(good);
    expect(await index(app), JSON.stringify(how)).toEqual(times);
    expect(await app.stored('cogovern.version.1000')).toBe(good);
  }
  // A full storage refuses the version but not the save: the change is kept, the versions too.
  await breakSave(page, 3, { name: 'QuotaExceededError' });
  await app.cell('net', 'infra').click();
  await app.role('assist').click();
  await app.waitSaved((t) => role(t, 'net', 'infra') === 'assist');
  await expect(app.storageBanner()).toHaveCount(0);
  expect(await index(app)).toEqual(times);
  // And unbroken, the next visit's first save keeps a version and lets the oldest go.
  await page.reload();
  await app.cell('net', 'infra').click();
  await app.role('informed').click();
  await app.waitSaved((t) => role(t, 'net', 'infra') === 'informed');
  await expect.poll(async () => (await index(app)).length).toBe(10);
  const after = await index(app);
  expect(after.slice(0, 9)).toEqual(times.slice(1));
  expect(await app.stored('cogovern.version.1000')).toBeNull();
  expect(role(await app.stored(`cogovern.version.${after[9]}`), 'net', 'infra')).toBe('assist');
  expect(app.errors).toEqual([]);
});

test('when storage is full, the kept versions give way to the workbook', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.pickModel('synergetic');
  const good = await app.saved();
  for (const t of [1_000, 2_000]) await app.putStored(`cogovern.version.${t}`, good);
  await app.putStored('cogovern.versions', '[1000,2000]');
  await page.reload();
  // The workbook fits only once the versions are gone: its first two writes are refused.
  await page.evaluate(() => {
    let refused = 0;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, key) {
      if (key === 'cogovern.workbook' && refused++ < 2) throw new DOMException('full', 'QuotaExceededError');
      return put.apply(this, arguments);
    };
  });
  await app.cell('net', 'infra').click();
  await app.role('assist').click();
  await app.waitSaved((t) => role(t, 'net', 'infra') === 'assist');
  await expect(app.storageBanner()).toHaveCount(0);
  expect(await index(app)).toEqual([]);
  expect(await app.stored('cogovern.version.1000')).toBeNull();
  await app.versionsButton().click();
  await expect(app.t('versions-none')).toBeVisible();
  expect(app.errors).toEqual([]);
});

test('where IndexedDB is missing, versions are kept in localStorage and restored', async ({ page }) => {
  const app = new Workbench(page);
  await app.freshWithoutIndexedDB();
  await app.pickModel('synergetic');
  await app.cell('net', 'infra').click();
  await app.role('informed').click();
  await app.waitSaved((t) => role(t, 'net', 'infra') === 'informed');
  // The next visit's first change keeps the first visit's workbook.
  await page.reload();
  await app.cell('gov', 'infra').click();
  await app.role('assist').click();
  await app.waitSaved((t) => role(t, 'gov', 'infra') === 'assist');
  const time = (await index(app)).at(-1);
  expect(role(await page.evaluate((k) => localStorage.getItem(k), `cogovern.version.${time}`), 'net', 'infra')).toBe('informed');
  await app.versionsButton().click();
  await app.restoreVersion(app.versions().first()).click();
  await expect(app.cell('gov', 'infra')).toHaveAttribute('data-role', 'M');
  await expect(app.cell('net', 'infra')).toHaveAttribute('data-role', 'I');
  await expect(app.storageBanner()).toHaveCount(0);
  expect(app.errors).toEqual([]);
});
