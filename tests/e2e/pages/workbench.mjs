// Page object of the whole app: the shell (header, files, storage banners, tabs, footer) and
// one page object per tab. Every selector the stories use lives in `pages/`.
import { expect } from '@playwright/test';
import { AnalysisTab } from './analysis.mjs';
import { CompareTab } from './compare.mjs';
import { DiagramTab, NetworkView } from './diagram.mjs';
import { MatrixTab } from './matrix.mjs';
import { PlanTab } from './plan.mjs';
import { Room } from './room.mjs';
import { Share } from './share.mjs';
import { DataTab, TimelineTab } from './timeline.mjs';
import { WorkshopTab } from './workshop.mjs';

/** The tabs, in the order the page shows them. */
export const TABS = ['matrix', 'diagram', 'analysis', 'compare', 'plan', 'timeline', 'data', 'workshop'];

export class Workbench extends Room {
  constructor(page) {
    super(page);
    this.matrixTab = new MatrixTab(page);
    this.diagram = new DiagramTab(page);
    this.network = new NetworkView(page);
    this.analysis = new AnalysisTab(page);
    this.compare = new CompareTab(page);
    this.plan = new PlanTab(page);
    this.timeline = new TimelineTab(page);
    this.data = new DataTab(page);
    this.workshop = new WorkshopTab(page);
    this.share = new Share(page);
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

  /** Waits until the service worker is active, having stored the whole build. (It may not
   *  control this very page: a page whose load began before the worker took over stays
   *  uncontrolled until its next load, which the worker then serves.) */
  async installed() {
    await expect.poll(() => this.page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? null),
      { timeout: 15_000 }).toBe('activated');
  }

  /** Opens the app on a clean profile: no saved workbook. */
  async fresh() {
    await this.open();
    // The app closes its database when asked, so the deletion goes through before the reload.
    await this.page.evaluate(() => { localStorage.clear(); indexedDB.deleteDatabase('cogovern'); });
    await this.page.reload();
    await expect(this.page.getByTestId('tab-matrix')).toBeVisible();
    await this.waitSaved((t) => !!t);
  }

  /** Opens the app on a clean profile in a browser without IndexedDB, where autosave keeps
   *  everything in localStorage. */
  async freshWithoutIndexedDB() {
    await this.page.addInitScript(() => { Object.defineProperty(window, 'indexedDB', { get() { return undefined; } }); });
    await this.open();
    await this.page.evaluate(() => localStorage.clear());
    await this.page.reload();
    await expect(this.page.getByTestId('tab-matrix')).toBeVisible();
  }

  /** Shows every tab in each language of `langs` (null: the language as it is) and calls
   *  `check(slug, lang)` with the tab's panel on screen. */
  async everyTab(check, langs = ['en', 'zh-CN']) {
    for (const lang of langs) {
      if (lang) await this.language(lang);
      for (const slug of TABS) {
        await this.tab(slug).click();
        await expect(this.panel(slug)).toBeVisible();
        await check(slug, lang);
      }
    }
  }

  tab(slug) { return this.page.getByTestId(`tab-${slug}`); }
  // The other tabs' part of the wasm (src/ui/rooms.rs), while it is on its way or failed.
  roomLoading(w) { return this.t('room-loading', w); }
  roomFailed(w) { return this.t('room-failed', w); }
  roomRetry(w) { return this.t('room-retry', w); }
  /** The panel of the tab `slug`. */
  panel(slug, w) { return this.t(`panel-${slug}`, w); }
  modelPicker(w) { return this.t('model-picker', w); }
  // Header and footer.
  title(w) { return this.t('title', w); }
  version(w) { return this.t('version', w); }
  modified(w) { return this.t('modified', w); }
  // Files.
  paste(w) { return this.t('paste', w); }
  pasteDialog(w) { return this.t('paste-dialog', w); }
  pasteText(w) { return this.t('paste-text', w); }
  pasteOpen(w) { return this.t('paste-open', w); }
  copyJson(w) { return this.t('copy-json', w); }
  exportCsv(w) { return this.t('export-csv', w); }
  closeImportError(w) { return this.t('import-error-close', w); }
  // Autosave banners.
  storageBanner(w) { return this.t('storage-banner', w); }
  storageDownload(w) { return this.t('storage-download', w); }
  recoveryBanner(w) { return this.t('recovery-banner', w); }
  recoveryDownload(w) { return this.t('recovery-download', w); }
  conflictBanner(w) { return this.t('conflict-banner', w); }
  keepMine(w) { return this.t('conflict-keep', w); }
  takeTheirs(w) { return this.t('conflict-take', w); }
  // Saved versions.
  versionsButton(w) { return this.t('versions', w); }
  versionsDialog(w) { return this.t('versions-dialog', w); }
  /** The kept versions in the dialog, newest first. */
  versions(w) { return this.versionsDialog(w).getByTestId('version'); }
  restoreVersion(row) { return row.getByTestId('version-restore'); }
  downloadVersion(row) { return row.getByTestId('version-download'); }
  closeVersions(w) { return this.t('versions-close', w); }
  cell(subject, object) { return this.page.getByTestId(`cell-${subject}-${object}`); }
  role(id) { return this.editor.getByTestId(`role-${id}`); }

  async pickModel(id) { await this.page.getByTestId('model-picker').selectOption(id); }
  async language(tag) { await this.page.getByTestId(`lang-${tag}`).click(); }

  /** The autosaved workbook text. */
  async saved() { return this.stored('cogovern.workbook'); }

  /** The text autosave keeps under `key`: in IndexedDB, or in localStorage where the page has
   *  no IndexedDB. */
  async stored(key) {
    return this.page.evaluate((key) => new Promise((resolve) => {
      const fallback = () => resolve(localStorage.getItem(key));
      let req;
      try { req = indexedDB.open('cogovern'); } catch { fallback(); return; }
      // No database yet: do not create one behind the app's back.
      req.onupgradeneeded = () => req.transaction.abort();
      req.onerror = () => resolve(null);
      req.onsuccess = () => {
        const db = req.result;
        const get = db.transaction('kv').objectStore('kv').get(key);
        get.onsuccess = () => { db.close(); resolve(get.result ?? null); };
      };
    }), key);
  }

  /** Puts `text` where autosave keeps `key` (IndexedDB), as a damaged save would leave it. */
  async putStored(key, text) {
    await this.page.evaluate(([key, text]) => new Promise((resolve) => {
      const req = indexedDB.open('cogovern');
      req.onsuccess = () => {
        const tx = req.result.transaction('kv', 'readwrite');
        tx.objectStore('kv').put(text, key);
        tx.oncomplete = () => { req.result.close(); resolve(); };
      };
    }), [key, text]);
  }

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

  /** How far the page itself scrolls sideways, in CSS pixels (0: it does not). */
  async pageOverflow() {
    return this.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  }

  /** Visible blocks of text squeezed into a sliver: a paragraph, heading, form or section of
   *  at least 20 characters laid out narrower than a quarter of the window (a grid that gains an
   *  extra column on a phone leaves the others a few pixels wide), described for a message. */
  async squeezed() {
    return this.page.evaluate(() => [...document.querySelectorAll(
      'main :is(p, h2, h3, legend, label, section, form, fieldset, details, figure, dl, ul, ol)',
    )].filter((el) => {
      // The text it shows: not the options of a list box inside it.
      const texts = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let text = '';
      while (texts.nextNode()) if (!texts.currentNode.parentElement.closest('select')) text += texts.currentNode.data;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && text.trim().length >= 20
        && r.width < innerWidth / 4 && !el.closest('table, svg, [aria-hidden=true], .visually-hidden, .sr-only');
    }).map((el) => `${el.dataset.testid || el.id || `${el.tagName.toLowerCase()}.${el.className}`} ${Math.round(el.getBoundingClientRect().width)} px wide`));
  }

  /** Visible controls smaller than a fingertip (44 × 44 CSS pixels; a tick box or radio button
   *  beside its words, 24 × 24, WCAG's minimum), described for a message. */
  async smallTargets() {
    return this.page.evaluate(() => [...document.querySelectorAll(
      'button, select, summary, [role=tab], [role=gridcell], input:not([type=file]):not([type=color])',
    )].filter((el) => {
      const r = el.getBoundingClientRect();
      const least = ['checkbox', 'radio'].includes(el.type) ? 23.5 : 43.5;
      return r.width > 0 && r.height > 0 && !el.closest('[aria-hidden=true], .visually-hidden') && (r.height < least || r.width < least);
    }).map((el) => `${el.dataset.testid || el.tagName.toLowerCase()} ${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`));
  }

  /** The roles of every cell, for "nothing changed" checks. */
  async matrixRoles() {
    return this.page.$$eval('[role=gridcell]', (cells) => cells.map((c) => `${c.dataset.testid}=${c.dataset.role}`));
  }

  /** Text nodes and accessible names with English words, outside content marked lang="en". */
  async englishLeft() {
    const page = this.page;
  return page.evaluate(() => {
    // Names of keys and file formats, printed on keyboards and in file names, stay as they are.
    const allowed = new Set(['cogovern', 'JSON', 'CSV', 'SVG', 'PNG', 'Esc', 'Delete', 'Tab', 'Enter', 'Page', 'Up', 'Down', 'Ctrl', 'Home', 'End', 'Markdown', 'English', 'Krippendorff', 'Fleiss']);
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
}
