// Hostile text (tests/fixtures/hostile.json) in every text field of a workbook, a workshop
// round and its answers: every view in both languages, the print sheet, the cell editor and
// every export keep it as text. No script runs, no element or attribute is injected, nothing
// is fetched from elsewhere, CSV cells never start a formula, SVG drawings carry no script,
// handler or outside reference. The core's exports are checked natively too
// (tests/core_hostile.rs).
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Workbench } from '../pages/workbench.mjs';
import { bigRound } from '../big.mjs';

const CORPUS = JSON.parse(readFileSync(new URL('../../fixtures/hostile.json', import.meta.url), 'utf8')).strings;
/** Keys whose string values are free text (as in tests/core_hostile.rs). */
const TEXT_KEYS = new Set(['title', 'description', 'notes', 'note', 'source', 'report', 'owner']);

/** `v` with every text replaced by the next string of the corpus, in turn. */
function poison(v, key = '', next = { i: 0 }) {
  const take = () => CORPUS[++next.i % CORPUS.length];
  if (Array.isArray(v)) return v.map((x) => poison(x, key, next));
  if (v && typeof v === 'object') {
    if ('en' in v && 'zh' in v) return { ...v, en: take(), zh: take() };
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, poison(x, k, next)]));
  }
  return typeof v === 'string' && TEXT_KEYS.has(key) ? take() : v;
}

/** The paper's workbook with hostile text everywhere, a hostile round and three hostile answer
 *  files for it. */
async function hostile(page) {
  const paper = await (await page.request.get('examples/paper.cogovern.json')).json();
  const { workbook, files } = bigRound(poison(paper), 3);
  workbook.rounds[0].name = { en: CORPUS[1], zh: CORPUS[0] };
  const s = workbook.subjects[0].id;
  const o = workbook.objects[0].id;
  const answers = files.map((f, k) => {
    const file = JSON.parse(f.buffer.toString());
    file.answer.participant = CORPUS[k];
    file.answer.reasons = { [s]: { [o]: CORPUS[k + 2] } };
    return { ...f, buffer: Buffer.from(JSON.stringify(file)) };
  });
  return { workbook, answers };
}

/** Watches the page for anything hostile text could make happen: a script run (the corpus
 *  sets `window.__pwned`), a dialog, a request to another origin. */
function watch(page) {
  const seen = [];
  page.on('dialog', (d) => { seen.push(`dialog: ${d.message()}`); d.dismiss(); });
  page.on('request', (r) => {
    const url = new URL(r.url());
    const local = ['blob:', 'data:'].includes(url.protocol) || url.hostname === '127.0.0.1';
    if (!local) seen.push(`request: ${r.url()}`);
  });
  return seen;
}

/** A fresh app with the hostile workbook open and its answers collected, watched. */
async function open(page) {
  const seen = watch(page);
  const app = new Workbench(page);
  await app.fresh();
  const { workbook, answers } = await hostile(page);
  await app.importFile('hostile.cogovern.json', JSON.stringify(workbook));
  await expect(app.importError).toHaveCount(0);
  await app.tab('workshop').click();
  await app.workshop.collectInput().setInputFiles(answers);
  await expect(app.workshop.report()).toBeVisible();
  return { app, seen, workbook };
}

/** Elements and attributes the corpus would have made had it been read as markup, and whether
 *  a script of it ran. */
async function injected(page) {
  return page.evaluate(() => {
    const found = [...document.querySelectorAll(
      'iframe, object, embed, img[src="x"], script:not([src]), svg[onload], [onerror], [onload], [onclick], ' +
      'a[href^="javascript:"], a[href*="evil.example"], [style*="evil.example"], [src*="evil.example"]',
    )].map((e) => e.outerHTML.slice(0, 80));
    if (window.__pwned) found.push('a script of the corpus ran');
    return found;
  });
}

test('hostile text in every field stays text in every view, in both languages', async ({ page }) => {
  test.setTimeout(120_000);
  const { app, seen, workbook } = await open(page);
  const [s, o] = [workbook.subjects[0].id, workbook.objects[0].id];
  await app.workshop.heat(s, o).click();
  await expect(app.workshop.reasons(app.workshop.detail())).toContainText(CORPUS[2]);
  const shown = new Set();
  await app.everyTab(async (slug, lang) => {
    expect(await injected(page), `${slug} in ${lang}`).toEqual([]);
    const text = await page.evaluate(() => document.body.innerText);
    for (const h of CORPUS) if (text.includes(h)) shown.add(h);
  });
  // Shown as the very characters typed: markup, formulas, links, bidi marks and emoji alike.
  for (const h of [CORPUS[0], CORPUS[1], CORPUS[2], CORPUS[5], CORPUS[12], CORPUS[15], CORPUS[16], CORPUS[17]]) {
    expect(shown.has(h), h).toBe(true);
  }
  // The cell editor and the print sheet.
  await app.language('en');
  await app.tab('matrix').click();
  await app.cell(s, o).click();
  await expect(app.editor).toBeVisible();
  expect(await injected(page), 'cell editor').toEqual([]);
  await page.keyboard.press('Escape');
  await app.tab('diagram').click();
  await app.diagram.printModel().click();
  await expect(app.diagram.printSheet()).toBeVisible();
  expect(await injected(page), 'print sheet').toEqual([]);
  await app.diagram.closePrint().click();
  expect(seen).toEqual([]);
  expect(app.errors).toEqual([]);
});

/** The fields of CSV `text` (quotes, doubled quotes and line breaks inside quotes). */
function csvFields(text) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || ch === '\n') { fields.push(field); field = ''; } else if (ch !== '\r' || text[i + 1] !== '\n') field += ch;
  }
  fields.push(field);
  return fields;
}

/** What in SVG text `svg` could run or fetch: scripts, foreign content, handlers, references
 *  outside the drawing; and whether it parses at all. */
async function svgHazards(page, svg) {
  return page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    if (doc.querySelector('parsererror')) return ['does not parse'];
    const found = [];
    for (const el of doc.querySelectorAll('*')) {
      const tag = el.localName;
      if (['script', 'foreignObject', 'iframe', 'object', 'embed', 'a'].includes(tag)) found.push(`<${tag}>`);
      for (const a of el.attributes) {
        const name = a.name.toLowerCase();
        const value = a.value.trim().toLowerCase();
        if (name.startsWith('on')) found.push(`${tag} ${name}`);
        if ((name === 'href' || name.endsWith(':href')) && !value.startsWith('#')) found.push(`${tag} ${name}=${value}`);
        if (/url\(\s*['"]?(?!#)/.test(value)) found.push(`${tag} ${name} has an outside url()`);
      }
    }
    return found;
  }, svg);
}

test('every export of hostile text is inert: JSON, CSV, Markdown, SVG, PNG, share link, answer file', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { app, seen, workbook } = await open(page);
  const save = async (testid) => {
    const [file] = await Promise.all([page.waitForEvent('download'), app.t(testid).click()]);
    return readFileSync(await file.path());
  };
  const starts = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];
  const formulas = (csv) => csvFields(csv.toString('utf8').replace(/^\uFEFF/, '')).filter((f) => starts.some((s) => f.startsWith(s)));
  // The agreement table and the discussion queue.
  expect(formulas(await save('agreement-csv'))).toEqual([]);
  const queue = (await save('queue-md')).toString('utf8');
  expect(queue).toContain('\\<img src=x onerror=');
  expect(queue).not.toMatch(/(^|[^\\])<(img|script|svg|iframe|a )/m);
  // The workbook: JSON that opens to the same texts; the matrix as CSV.
  const json = JSON.parse((await save('export-json')).toString('utf8'));
  expect(json.subjects.map((x) => x.name)).toEqual(workbook.subjects.map((x) => x.name));
  expect(json.rounds[0].answers.map((a) => a.answer.participant)).toEqual(CORPUS.slice(0, 3));
  await app.tab('matrix').click();
  expect(formulas(await save('export-csv'))).toEqual([]);
  // The plan as Markdown and CSV.
  await app.tab('plan').click();
  const plan = (await save('export-plan-md')).toString('utf8');
  expect(plan).not.toMatch(/(^|[^\\])<(img|script|svg|iframe|a )/m);
  expect(plan).not.toMatch(/(^|[^\\])\]\(javascript:/m);
  expect(formulas(await save('export-plan-csv'))).toEqual([]);
  // Every drawing as SVG (and one as PNG).
  const drawings = [['diagram', 'main'], ['diagram', 'network'], ['compare', 'from'], ['timeline', 'timeline'], ['data', 'chart'], ['workshop', 'heat']];
  for (const [tab, uid] of drawings) {
    await app.tab(tab).click();
    if (uid === 'heat') await app.workshop.t('heat-picture').click();
    const svg = (await save(`export-svg-${uid}`)).toString('utf8');
    expect(await svgHazards(page, svg), uid).toEqual([]);
    if (uid === 'main') {
      const png = await save('export-png-main');
      expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    }
  }
  // The round's share link, opened on another device, shows the hostile name as text; the
  // answer file made there keeps the participant's hostile name and reason exactly.
  await app.tab('workshop').click();
  await app.t('round-link').click();
  const link = await app.share.linkText();
  await app.share.close().click();
  const context = await browser.newContext();
  const phonePage = await context.newPage();
  const phoneSeen = watch(phonePage);
  const phone = new Workbench(phonePage);
  await phonePage.goto(link);
  await expect(phone.share.summary()).toContainText(CORPUS[1]);
  expect(await injected(phonePage)).toEqual([]);
  await phone.share.answer().click();
  await phone.workshop.start().click();
  await phone.workshop.name().fill(CORPUS[3]);
  await phone.workshop.name().blur();
  await phone.workshop.answer(0, workbook.objects[0].id, 'lead', CORPUS[6]);
  const answer = JSON.parse((await phone.workshop.download('answer-download')).text);
  expect(answer.answer.participant).toBe(CORPUS[3]);
  expect(answer.answer.reasons[workbook.subjects[0].id][workbook.objects[0].id]).toBe(CORPUS[6]);
  expect(await injected(phonePage)).toEqual([]);
  await context.close();
  expect(seen.concat(phoneSeen)).toEqual([]);
  expect(app.errors.concat(phone.errors)).toEqual([]);
});
