// Stories of files in and out: export, import, paste, drop, damaged files, CSV, clipboard.
import { test, expect } from '@playwright/test';
import { Workbench } from '../pages/workbench.mjs';

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
  await app.paste().click();
  await app.pasteText().fill(await res.text());
  await app.pasteOpen().click();
  await expect(app.pasteDialog()).toHaveCount(0);
  await expect(app.modelPicker()).toHaveValue('synergetic');
  await expect(app.title()).toHaveValue('One main power and three auxiliary participators');
});

const damaged = [
  ['syntax error', '{\n  "format": "cogovern.workbook",\n  "version": 1\n  "meta": {}\n}', /Line 4, column 3/],
  ['newer version', null, /version 9, made by a newer cogovern; this one reads versions up to 4/],
  ['dangling id', null, /models\[1\]\.cells\.net\.illegal\.role: refers to role "boss"/],
  ['wrong type', null, /At meta\.title: invalid type: integer `42`, expected a string/],
  ['not JSON at all', 'Subject,Object\nGovernments,Infrastructure\n', /Line 1, column 1: this is not valid JSON/],
  ['a key twice', null, /At models\[1\]\.cells\.net: this key appears twice, so the file is ambiguous/],
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
      // JSON.stringify cannot write a key twice: repeat the netizens' row of the second model by hand.
      if (what === 'a key twice') {
        const at = text.indexOf('"net": {', text.indexOf('"cells": {', text.indexOf('"id": "synergetic"')));
        text = `${text.slice(0, at)}"net": {},\n${text.slice(at)}`;
      }
    }
    const before = await app.matrixRoles();
    const savedBefore = await app.saved();
    await app.importFile('damaged.json', text);
    await expect(app.importError).toBeVisible();
    await expect(app.importError).toContainText(message);
    await expect(app.importError).toContainText('Your current workbook is unchanged.');
    await app.closeImportError(app.importError).click();
    await expect(app.importError).toHaveCount(0);
    expect(await app.matrixRoles()).toEqual(before);
    await expect(app.modelPicker()).toHaveValue('synergetic');
    await expect(app.undoButton).toBeDisabled();
    expect(await app.saved()).toBe(savedBefore);
  });
}

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
  await expect(app.modelPicker()).toHaveValue('synergetic');
  await expect(app.title()).toHaveValue('One main power and three auxiliary participators');
  const [download] = await Promise.all([page.waitForEvent('download'), app.exportCsv().click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const { readFileSync } = await import('node:fs');
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.startsWith('\uFEFFSubject,Infrastructure and facilities,')).toBe(true);
  expect(csv).toContain('Netizens,,Supervises; Online ethics and culture; rights,');
});

test('Copy JSON puts the exported workbook on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new Workbench(page);
  await app.fresh();
  await app.copyJson().click();
  await expect(app.status).toContainText('JSON copied to the clipboard.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const exported = await app.exportJson();
  expect(copied).toBe(exported.text);
});
