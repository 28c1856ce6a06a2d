// Stories of hosting on a slow classroom network: the build carries brotli and gzip copies of
// its files, a host that serves them sends the smallest, and a file changed after the build is
// never served from its stale copy.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { test, expect } from '@playwright/test';
import { filesOf, hasCopies } from '../../../scripts/site-files.mjs';
import { Workbench } from '../pages/workbench.mjs';
import { siteCopy } from './site-copy.mjs';

test('the build has a brotli and a gzip copy of each compressible file, each the file exactly', () => {
  const files = filesOf('dist').filter(hasCopies);
  expect(files.some((f) => f.endsWith('.wasm'))).toBe(true);
  for (const f of files) {
    const body = readFileSync(f);
    expect(brotliDecompressSync(readFileSync(`${f}.br`)).equals(body), `${f}.br`).toBe(true);
    expect(gunzipSync(readFileSync(`${f}.gz`)).equals(body), `${f}.gz`).toBe(true);
  }
  const wasm = files.find((f) => f.endsWith('.wasm'));
  // Brotli is what makes the copies worth having: a quarter off the wasm.
  expect(statSync(`${wasm}.br`).size).toBeLessThan(0.8 * statSync(`${wasm}.gz`).size);
  // The offline cache lists the site's files, not the copies.
  expect(readFileSync('dist/sw.js', 'utf8')).not.toMatch(/\.(br|gz)"/);
});

test('the app arrives as brotli where the browser takes it, and works', async ({ page }) => {
  const encodings = new Map();
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (/\.(wasm|js|css)$/.test(path)) encodings.set(extname(path), r.headers()['content-encoding']);
  });
  const app = new Workbench(page);
  await app.fresh();
  expect(encodings.get('.wasm')).toBe('br');
  expect(encodings.get('.css')).toBe('br');
  await app.title().fill('Served small');
  await app.waitSaved((t) => JSON.parse(t).meta.title === 'Served small');
  expect(app.errors).toEqual([]);
});

test('a file changed after the build is served as it is now, not from its compressed copy', async () => {
  const { dir, url, close } = await siteCopy();
  try {
    const path = 'examples/paper.cogovern.json';
    const get = () => fetch(`${url}${path}`, { headers: { 'accept-encoding': 'br, gzip' } });
    const before = await get();
    expect(before.headers.get('content-encoding')).toBe('br');
    expect(await before.text()).toBe(readFileSync(join(dir, path), 'utf8'));
    // Edited in place a moment later: its brotli copy is now older than it.
    await new Promise((r) => setTimeout(r, 20));
    const edited = readFileSync(join(dir, path), 'utf8').replace('"title":', '"title": ');
    writeFileSync(join(dir, path), edited);
    const after = await get();
    expect(after.headers.get('content-encoding')).toBe('gzip');
    expect(await after.text()).toBe(edited);
  } finally {
    close();
  }
});

test('a host without brotli (as the benchmark plays one) sends gzip, even to a browser that takes brotli', async () => {
  const { url, close } = await siteCopy({ COGOVERN_ENCODING: 'gzip' });
  try {
    const wasm = filesOf('dist').find((f) => f.endsWith('.wasm')).split('/').pop();
    const res = await fetch(`${url}${wasm}`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(`dist/${wasm}`))).toBe(true);
  } finally {
    close();
  }
});

test('a first visit downloads each part of the app once: the service worker stores what the page has loaded from the browser’s cache', async ({ page }) => {
  const { url, log, close } = await siteCopy({ COGOVERN_LOG: '1' });
  try {
    const app = new Workbench(page);
    await app.open(url);
    await app.tab('workshop').click();
    await expect(app.workshop.newRound()).toBeVisible();
    await app.installed();
    const gets = (pattern) => log.filter((l) => pattern.test(l));
    expect(gets(/^GET \/cogovern-app-[0-9a-f]+_bg\.wasm$/)).toHaveLength(1);
    expect(gets(/^GET \/split_rooms-[0-9a-f]{16}\.wasm$/)).toHaveLength(1);
    // Files not named by their contents are fetched again, so the worker never stores an
    // older copy of them.
    expect(gets(/^GET \/index\.html$|^GET \/$/).length).toBeGreaterThan(1);
    // And the stored build works with the network off.
    await page.context().setOffline(true);
    await page.reload();
    await app.tab('analysis').click();
    await expect(app.analysis.metrics()).toBeVisible();
    await page.context().setOffline(false);
  } finally {
    close();
  }
});
