// Keyboard only: each tab's main job done without a mouse (the matrix's and the diagram's are in
// their own folders: "edit a cell with the keyboard only", "Tab reaches the nodes…"); the focus
// is visible on every control of every tab, also in Windows high contrast (forced colours),
// where the marks stay visible too.
import { test, expect } from '@playwright/test';
import { TABS, Workbench } from '../pages/workbench.mjs';

/** Presses Tab until `target` has the focus: it is reachable by keyboard. */
async function tabTo(page, target, limit = 400) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Opens the tab `slug` from the keyboard: Tab to the tab bar, arrows to the tab. */
async function openTab(app, slug) {
  const page = app.page;
  await tabTo(page, page.locator('[role=tab][aria-selected=true]'));
  for (let i = 0; i < TABS.length && !(await app.tab(slug).evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('ArrowRight');
  }
  await expect(app.tab(slug)).toHaveAttribute('aria-selected', 'true');
  await expect(app.panel(slug)).toBeVisible();
}

/** A keyboard-only visit: the app freshly opened, nothing clicked. */
async function start(page) {
  const app = new Workbench(page);
  await app.fresh();
  await page.locator('body').focus();
  return app;
}

test('analysis by keyboard: a principle of the checklist is ticked with a note', async ({ page }) => {
  const app = await start(page);
  await openTab(app, 'analysis');
  const people = app.analysis.check('req-people');
  await tabTo(page, app.analysis.done(people));
  await page.keyboard.press('Space');
  await expect(app.analysis.done(people)).toBeChecked();
  await tabTo(page, app.analysis.note(people));
  await page.keyboard.type('Hearings in spring');
  await page.keyboard.press('Tab');
  await app.waitSaved((t) => Object.values(JSON.parse(t).models).some((m) => m.checks?.['req-people']?.note === 'Hearings in spring'));
});

test('compare by keyboard: the changes only, then a plan made from the comparison', async ({ page }) => {
  const app = await start(page);
  await openTab(app, 'compare');
  await tabTo(page, app.compare.changesOnly());
  await page.keyboard.press('Space');
  await expect(app.compare.changesOnly()).toBeChecked();
  await tabTo(page, app.compare.makePlan());
  await page.keyboard.press('Enter');
  await expect(app.tab('plan')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('li.step').first()).toBeVisible();
});

test('plan by keyboard: a step is set in progress, given a note and moved up', async ({ page }) => {
  const app = await start(page);
  await openTab(app, 'plan');
  const id = 'plan-transition-15';
  const step = app.plan.step(id);
  await tabTo(page, app.plan.status(id, step));
  await page.keyboard.press('ArrowDown');
  await expect(app.plan.status(id, step)).toHaveValue('InProgress');
  await tabTo(page, app.plan.notes(id, step));
  await page.keyboard.type('Pilot first');
  await page.keyboard.press('Tab');
  await expect(app.plan.notes(id, step)).toHaveValue('Pilot first');
  const group = step.locator('xpath=ancestor::*[starts-with(@data-testid, "group-")][1]');
  const before = await group.locator('li.step').evaluateAll((els) => els.map((e) => e.dataset.testid));
  await tabTo(page, app.plan.up(id, step));
  await page.keyboard.press('Enter');
  const after = await group.locator('li.step').evaluateAll((els) => els.map((e) => e.dataset.testid));
  expect(after.indexOf(`plan-step-${id}`)).toBe(before.indexOf(`plan-step-${id}`) - 1);
  await app.waitSaved((t) => JSON.parse(t).plans[0].steps.some((s) => s.notes === 'Pilot first' && s.status === 'in_progress'));
});

test('timeline by keyboard: a stage is renamed in place and the drawing follows', async ({ page }) => {
  const app = await start(page);
  await openTab(app, 'timeline');
  const leading = app.timeline.stage('mature-leading');
  await tabTo(page, leading);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Cyberspace Administration of China');
  await page.keyboard.press('Enter');
  await expect(app.timeline.drawing().locator('svg')).toContainText('Cyberspace Administration of China');
});

test('data by keyboard: a later year is added to Figure 1', async ({ page }) => {
  const app = await start(page);
  await openTab(app, 'data');
  await tabTo(page, app.data.addPoint());
  await page.keyboard.press('Enter');
  for (const [field, value] of [['period', '2024-12'], ['netizens', '1108'], ['penetration', '78.6']]) {
    await tabTo(page, app.data.point(`7-${field}`));
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
  }
  const chart = app.data.chart();
  await expect(chart.locator('rect.bar')).toHaveCount(8);
  await expect(chart).toContainText('2024-12');
});

test('workshop by keyboard: a round is started and answered', async ({ page }) => {
  const app = await start(page);
  await openTab(app, 'workshop');
  const w = app.workshop;
  await tabTo(page, w.newName());
  await page.keyboard.type('Who governs what?');
  await tabTo(page, w.make());
  await page.keyboard.press('Enter');
  await expect(w.roundName()).toHaveValue('Who governs what?');
  // The facilitator's own answer is folded away under its heading.
  await tabTo(page, w.t('my-answer-toggle'));
  await page.keyboard.press('Enter');
  await tabTo(page, w.start());
  await page.keyboard.press('Enter');
  await tabTo(page, w.name());
  await page.keyboard.type('Ann');
  await tabTo(page, w.roleOf('infra'));
  await page.keyboard.press('ArrowDown');
  await expect(w.progress()).toContainText('1 of');
});

/** The focused element's focus indicator: an outline of 2 px or more on it, or on its drawn
 *  box (matrix cells), or a thick stroke on its shape (diagram nodes); null when there is one. */
async function missingRing(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const ring = (s) => s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    if (ring(getComputedStyle(el))) return null;
    const inner = el.querySelector(':scope > .cell');
    if (inner && (getComputedStyle(inner).boxShadow !== 'none' || ring(getComputedStyle(inner)))) return null;
    const shape = el.querySelector('circle, rect');
    if (shape && parseFloat(getComputedStyle(shape).strokeWidth) >= 4) return null;
    return `${el.tagName.toLowerCase()}[data-testid=${el.getAttribute('data-testid')}]`;
  });
}

for (const forced of ['none', 'active']) {
  test(`the focus is visible on every control of every tab (forced colours: ${forced})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ forcedColors: forced });
    const app = new Workbench(page);
    await app.fresh();
    for (const slug of TABS) {
      await app.tab(slug).click();
      await app.tab(slug).focus();
      const missing = new Set();
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        const m = await missingRing(page);
        if (m) missing.add(m);
      }
      expect([...missing], slug).toEqual([]);
    }
  });
}

test('in forced colours the marks stay visible: role letters, arrows, the timeline', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  const app = new Workbench(page);
  await app.fresh();
  await app.pickModel('synergetic');
  // A cell's role is its letter, which is text, with a border of its own.
  const badge = app.cell('gov', 'infra').locator('.badge');
  const look = await badge.evaluate((el) => {
    const s = getComputedStyle(el);
    return { letter: getComputedStyle(el, '::before').content, border: s.borderTopStyle, color: s.color, background: s.backgroundColor };
  });
  expect(look.letter).toBe('"M"');
  expect(look.border).not.toBe('none');
  expect(look.color).not.toBe(look.background);
  // Arrows and nodes of the structure diagram keep a stroke.
  await app.tab('diagram').click();
  const strokes = await app.diagram.structure('main').locator('line, path, circle').evaluateAll((els) =>
    els.map((e) => getComputedStyle(e)).filter((s) => s.stroke === 'none' && s.fill === 'none').length);
  expect(strokes).toBe(0);
  // The timeline's stage marks.
  await app.tab('timeline').click();
  const dots = await page.locator('.timeline .stage').evaluateAll((els) =>
    els.map((e) => getComputedStyle(e, '::before').backgroundColor));
  expect(dots.length).toBeGreaterThan(0);
  for (const d of dots) expect(d).not.toBe('rgba(0, 0, 0, 0)');
});
