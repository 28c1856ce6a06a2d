// Stories of a first visit on a slow network: the app arrives in two parts (scripts/split.mjs).
// The matrix and the shell come first and work at once; the other tabs (and present mode and
// the share, present and versions dialogs) follow, fetched as soon as the app runs, or next to the first part when the address asks for one of them. A part
// that cannot be fetched is said plainly, loses nothing, and can be fetched again.
import { test, expect } from '@playwright/test';
import { Workbench } from '../pages/workbench.mjs';

const PART = /\/split_rooms-[0-9a-f]{16}\.wasm$/;
/** What a refused fetch of the part logs; any other error is a fault. */
const REFUSED = /ERR_INTERNET_DISCONNECTED|Failed to fetch|failed to load split module/;

// Each story is a first visit in a browser of its own: no service worker answers yet (and
// Playwright's routes would not see what one answers).

test('the matrix works before the other tabs have arrived; a tab asked for meanwhile says it is loading, then shows', async ({ page }) => {
  const app = new Workbench(page);
  // Hold the second part back, as a slow network would.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(PART, async (route) => { await held; await route.continue(); });
  await app.open();
  await app.title().fill('Before the tabs');
  await app.cell('party', 'infra').focus();
  await expect(app.cell('party', 'infra')).toBeFocused();
  await app.waitSaved((t) => !!t && JSON.parse(t).meta.title === 'Before the tabs');
  await app.tab('workshop').click();
  await expect(app.roomLoading()).toHaveText('Loading this view…');
  await expect(app.roomLoading()).toHaveAttribute('role', 'status');
  // The dialogs a click opens come with the other tabs.
  await app.share.open().click();
  await expect(app.roomLoading()).toHaveCount(2);
  release();
  await expect(app.workshop.newRound()).toBeVisible();
  await expect(app.share.dialog()).toBeVisible();
  await expect(app.roomLoading()).toHaveCount(0);
  await expect(app.title()).toHaveValue('Before the tabs');
  expect(app.errors).toEqual([]);
});

test('when the other tabs cannot be fetched the tab says so in the reader’s language, the matrix goes on, and Try again brings them', async ({ page }) => {
  const app = new Workbench(page);
  await page.route(PART, (route) => route.abort('internetdisconnected'));
  await app.open();
  await app.language('zh-CN');
  await app.tab('diagram').click();
  await expect(app.roomFailed()).toHaveAttribute('role', 'alert');
  await expect(app.roomFailed()).toContainText('无法加载此视图');
  await app.language('en');
  await expect(app.roomFailed()).toContainText('could not be loaded');
  // The rest of the app is unharmed.
  await app.tab('matrix').click();
  await app.title().fill('Still working');
  await app.waitSaved((t) => !!t && JSON.parse(t).meta.title === 'Still working');
  await page.unroute(PART);
  await app.tab('diagram').click();
  await app.roomRetry().click();
  await expect(app.diagram.structure('main')).toBeVisible();
  await expect(app.roomFailed()).toHaveCount(0);
  expect(app.errors.filter((e) => !REFUSED.test(e))).toEqual([]);
});

test('when the network comes back, a tab that could not be fetched appears by itself', async ({ page, context }) => {
  const app = new Workbench(page);
  await page.route(PART, (route) => route.abort('internetdisconnected'));
  await app.open();
  await app.tab('analysis').click();
  await expect(app.roomFailed()).toBeVisible();
  await page.unroute(PART);
  // The Wi-Fi drops and returns: the browser says so, and nobody has to press Try again.
  await context.setOffline(true);
  await context.setOffline(false);
  await expect(app.analysis.metrics()).toBeVisible();
  await expect(app.roomFailed()).toHaveCount(0);
  expect(app.errors.filter((e) => !REFUSED.test(e))).toEqual([]);
});

test('an address that opens on another tab fetches its part next to the first, once; the matrix address does not wait for it', async ({ page }) => {
  const app = new Workbench(page);
  const fetched = [];
  page.on('request', (r) => { if (PART.test(new URL(r.url()).pathname)) fetched.push(r.url()); });
  const early = () => page.evaluate(() => document.querySelectorAll('link[rel=preload][href*="split_rooms-"]').length);
  await page.goto('/#workshop');
  await expect(app.workshop.newRound()).toBeVisible();
  expect(await early()).toBe(1);
  await expect.poll(() => fetched.length).toBe(1);
  await page.waitForTimeout(300);
  expect(fetched).toHaveLength(1);
  // On the matrix's address the first part has the network to itself (a reload: the fragment
  // alone would not load the page again).
  await page.goto('/#matrix');
  await page.reload();
  await expect(app.cell('party', 'infra')).toBeVisible();
  expect(await early()).toBe(0);
  expect(app.errors).toEqual([]);
});
