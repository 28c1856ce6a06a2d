// Stories of sharing by link and QR code, and of the address bar: a model travels to another
// browser inside a link and asks before it changes anything; hostile links change nothing;
// a round's link fits a QR code a phone can read; the tab is in the address and Back works.
import { deflateSync } from 'node:zlib';
import { test, expect } from '@playwright/test';
import { Workbench } from '../pages/workbench.mjs';

/** A fresh app in a browser context of its own (its own storage). */
async function device(browser, options = {}) {
  const context = await browser.newContext(options);
  const app = new Workbench(await context.newPage());
  await app.fresh();
  return app;
}

/** A share fragment carrying `bytes` as the app writes them: zlib, URL-safe base64, no padding. */
function fragment(bytes, version = 1) {
  return `cg${version}:${deflateSync(bytes, { level: 9 }).toString('base64url')}`;
}

test('a model shared by link opens in another browser only when asked, and arrives whole', async ({ browser }) => {
  const host = await device(browser);
  await host.pickModel('synergetic');
  await host.cell('net', 'infra').click();
  await host.role('supervise').click();
  await host.page.keyboard.press('Escape');
  const shared = await host.matrixRoles();
  await host.share.open().click();
  await host.share.onlyModel().check();
  const link = await host.share.linkText();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#cg1:[A-Za-z0-9_-]+$/);
  await expect(host.share.length()).toHaveText(`${link.length} characters`);
  await expect(host.share.long()).toHaveCount(link.length > 2000 ? 1 : 0);
  await host.share.close().click();
  const edited = (t) => JSON.parse(t).models.find((m) => m.id === 'synergetic').cells.net?.infra?.role === 'supervise';
  await host.waitSaved(edited);
  const hostWork = await host.saved();

  const guest = await device(browser);
  await guest.pickModel('traditional');
  const mine = await guest.saved();
  await guest.page.goto(link);
  await expect(guest.share.incoming()).toBeVisible();
  await expect(guest.share.summary()).toContainText('1 models');
  // Nothing changes until the guest chooses: not the screen, not the autosave, not after a reload.
  await guest.page.reload();
  await expect(guest.share.incoming()).toBeVisible();
  expect(await guest.saved()).toBe(mine);
  await guest.share.add().click();
  await expect(guest.share.incoming()).toHaveCount(0);
  await expect(guest.status).toHaveText('Added 1 models from the link.');
  await expect(guest.modelPicker()).toHaveValue('synergetic-1');
  expect((await guest.matrixRoles()).map((r) => r.replace('synergetic-1', 'synergetic'))).toEqual(shared);
  // The guest's own models are all still there, and the link has left the address.
  await guest.waitSaved((t) => JSON.parse(t).models.length === 3);
  expect(guest.page.url()).toMatch(/#matrix\/synergetic-1$/);
  // One undo step takes the added model away again.
  await guest.undoButton.click();
  const models = (t) => JSON.stringify(JSON.parse(t).models);
  await guest.waitSaved((t) => models(t) === models(mine));
  // The sender's own work is as it was.
  expect(await host.saved()).toBe(hostWork);
  expect(host.errors.concat(guest.errors)).toEqual([]);
});

test('opening a link as a new workbook replaces it as one undo step; cancel changes nothing', async ({ browser }) => {
  const host = await device(browser);
  await host.title().fill('Workshop in Beijing');
  await host.share.open().click();
  const link = await host.share.linkText();
  await expect(host.share.noQr()).toBeVisible(); // the whole paper workbook is too long for a code

  const guest = await device(browser);
  const mine = await guest.saved();
  await guest.page.goto(link);
  await guest.share.cancel().click();
  await expect(guest.share.incoming()).toHaveCount(0);
  await expect(guest.title()).not.toHaveValue('Workshop in Beijing');
  await guest.page.reload();
  await expect(guest.share.incoming()).toHaveCount(0);
  expect(await guest.saved()).toBe(mine);

  // Pasted into the paste box, the link is offered the same way.
  await guest.paste().click();
  await guest.pasteText().fill(link);
  await guest.pasteOpen().click();
  await guest.share.openNew().click();
  await expect(guest.title()).toHaveValue('Workshop in Beijing');
  await guest.undoButton.click();
  await guest.waitSaved((t) => t === mine);
});

test('hostile and damaged links say what is wrong and change nothing', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.pickModel('synergetic');
  await app.waitSaved((t) => !!t);
  const before = await app.saved();
  const roles = await app.matrixRoles();
  const workbook = await app.exportJson();
  const good = fragment(Buffer.from(workbook.text));
  const newer = JSON.parse(workbook.text);
  newer.version = 99;
  const cases = [
    ['bomb', fragment(Buffer.alloc(20 * 1024 * 1024, 'a')), 'The link unpacks to more than 16777216 bytes'],
    ['garbage', 'cg1:this-is-not!base64', 'Character 16 of the link, “!”, cannot be part of a share link'],
    ['truncated', good.slice(0, Math.floor(good.length / 2)), 'The link is incomplete'],
    ['newer link', good.replace('cg1:', 'cg7:'), 'The link was made by a newer version of cogovern (link format 7'],
    ['newer file', fragment(Buffer.from(JSON.stringify(newer))), 'This file is version 99, made by a newer cogovern'],
    ['not json', fragment(Buffer.from('hello')), 'Line 1, column 1: this is not valid JSON'],
  ];
  for (const [what, hostile, message] of cases) {
    await page.goto(`/#${hostile}`);
    await expect(app.share.error(), what).toBeVisible();
    await expect(app.share.errorMessage(), what).toContainText(message);
    await app.share.closeError().click();
    await expect(app.share.error()).toHaveCount(0);
    expect(await app.matrixRoles(), what).toEqual(roles);
  }
  await page.reload();
  expect(await app.saved()).toBe(before);
  expect(app.errors).toEqual([]);
});

test('a workshop round link fits a QR code that reads back to the link, and opens for answering', async ({ browser }) => {
  const host = await device(browser);
  const w = host.workshop;
  await host.tab('workshop').click();
  await w.newName().fill('Who governs what?');
  await w.newModel().selectOption('synergetic');
  await w.make().click();
  await host.t('round-link').click();
  const link = await host.share.linkText();
  await expect(host.share.qr()).toBeVisible();
  expect(await host.share.scanQr()).toBe(link);
  // The code downloads as SVG (and PNG) for slides and handouts.
  const [svg] = await Promise.all([host.page.waitForEvent('download'), host.t('export-svg-qr').click()]);
  expect(svg.suggestedFilename()).toBe('cogovern-qr.svg');
  const [png] = await Promise.all([host.page.waitForEvent('download'), host.t('export-png-qr').click()]);
  expect(png.suggestedFilename()).toBe('cogovern-qr.png');
  await host.share.large().click();
  await expect(host.share.qr()).toHaveClass(/large/);
  await host.page.keyboard.press('Escape');
  await expect(host.share.qr()).not.toHaveClass(/large/);
  await expect(host.share.dialog()).toBeVisible();

  const phone = await device(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await phone.page.goto(link);
  await expect(phone.share.summary()).toHaveText('This link holds the workshop round “Who governs what?”: 5 subjects × 3 objects.');
  expect(await phone.pageOverflow()).toBe(0);
  await phone.share.answer().click();
  await expect(phone.tab('workshop')).toHaveAttribute('aria-selected', 'true');
  // The participant lands on their answer, not on the round's title and sharing above it.
  await expect(phone.workshop.start()).toBeFocused();
  await expect(phone.workshop.start()).toBeInViewport();
  expect(host.errors.concat(phone.errors)).toEqual([]);
});

test('the address names the tab and model: a link opens on them and Back moves between tabs', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.tab('compare').click();
  await app.tab('plan').click();
  expect(page.url()).toMatch(/#plan\/traditional$/);
  await page.goBack();
  await expect(app.tab('compare')).toHaveAttribute('aria-selected', 'true');
  await page.goBack();
  await expect(app.tab('matrix')).toHaveAttribute('aria-selected', 'true');
  await page.goForward();
  await expect(app.tab('compare')).toHaveAttribute('aria-selected', 'true');
  // A link to a view and model, opened as a new page.
  await page.goto('/#matrix/traditional');
  await page.reload();
  await expect(app.tab('matrix')).toHaveAttribute('aria-selected', 'true');
  await expect(app.modelPicker()).toHaveValue('traditional');
  await page.goto('/#analysis/synergetic');
  await expect(app.tab('analysis')).toHaveAttribute('aria-selected', 'true');
  await expect(app.modelPicker()).toHaveValue('synergetic');
  // Choosing another model keeps the entry (Back still leads to the previous tab).
  expect(app.errors).toEqual([]);
});
