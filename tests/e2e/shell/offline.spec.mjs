// Stories of a classroom with poor Wi-Fi: after one visit the app opens and saves with the
// network off; a new build is announced and taken only when the user asks.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { Workbench } from '../pages/workbench.mjs';
import { siteCopy } from './site-copy.mjs';

test('after one visit the app opens and autosaves an edit with the network off', async ({ page, context }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.installed();
  await context.setOffline(true);
  await page.reload();
  await expect(app.tab('matrix')).toBeVisible();
  await app.title().fill('Offline in class');
  await app.waitSaved((t) => JSON.parse(t).meta.title === 'Offline in class');
  await page.reload();
  await expect(app.title()).toHaveValue('Offline in class');
  // The other tabs' part of the wasm comes from the worker's cache too.
  await app.tab('diagram').click();
  await expect(app.diagram.structure('main')).toBeVisible();
  await context.setOffline(false);
  expect(app.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
});

test('a rebuilt site is announced with Reload to update, and taken only when asked', async ({ page }) => {
  // A copy of dist/ on a server of its own, rebuilt while the page is open.
  const { dir, url, close } = await siteCopy();
  try {
    const app = new Workbench(page);
    await app.open(url);
    await app.installed();
    await expect(app.t('update-banner')).toHaveCount(0);
    // The rebuild: one file changes, so does the worker's list.
    const example = join(dir, 'examples', 'blank.cogovern.json');
    writeFileSync(example, `${readFileSync(example, 'utf8')}\n`);
    execFileSync('node', ['scripts/service-worker.mjs', dir]);
    await page.reload();
    await expect(app.t('update-banner')).toBeVisible({ timeout: 15_000 });
    // Work goes on meanwhile: nothing reloads by itself.
    await app.title().fill('Still here');
    await app.waitSaved((t) => JSON.parse(t).meta.title === 'Still here');
    await app.t('update-reload').click();
    await expect(app.t('update-banner')).toHaveCount(0, { timeout: 15_000 });
    await expect(app.title()).toHaveValue('Still here');
    expect(await page.evaluate(() => caches.keys())).toHaveLength(1);
  } finally {
    close();
  }
});
