// Stories of a workshop round: a facilitator hands out a round, three participants answer on
// their own devices (one a phone, one in Chinese), the facilitator collects the answers, sees
// where the room agrees, discusses the splits and builds the consensus model.
import { test, expect } from '@playwright/test';
import { Workbench } from '../pages/workbench.mjs';
import { bigRound, bigWorkbook } from '../big.mjs';

/** A fresh app in a browser context of its own (its own storage), with `options`. */
async function device(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const app = new Workbench(page);
  await app.fresh();
  return { context, page, app };
}

/** A fresh app holding a blank round about a `subjects` × `objects` matrix, on the Workshop
 *  tab, with `answers` answer files to it (not yet collected). */
async function roundOf(page, [subjects, objects], answers) {
  const app = new Workbench(page);
  await app.fresh();
  const { workbook, files } = bigRound(bigWorkbook(subjects, objects), answers);
  await app.importFile('round.cogovern.json', JSON.stringify(workbook));
  await app.tab('workshop').click();
  return { app, w: app.workshop, files };
}

/** Starts a blank round about the synergetic model and downloads its round file. */
async function startRound(app, name = 'Who governs what?') {
  const w = app.workshop;
  await app.tab('workshop').click();
  await w.newName().fill(name);
  await w.newModel().selectOption('synergetic');
  await w.make().click();
  await expect(w.roundName()).toHaveValue(name);
  return w.download('round-download');
}

/** Opens the round file on a participant's device, answers and downloads the answer file. */
async function answer(app, round, { name, cells, zh = false }) {
  const w = app.workshop;
  if (zh) await app.language('zh-CN');
  await app.importFile(round.name, round.text);
  await expect(app.tab('workshop')).toHaveAttribute('aria-selected', 'true');
  await expect(w.start()).toHaveText(zh ? '开始作答' : 'Start answering');
  await w.start().click();
  await w.name().fill(name);
  await w.name().blur();
  for (const [subject, object, role, reason] of cells) await w.answer(subject, object, role, reason);
  await expect(w.progress()).toHaveText(zh ? `已回答 ${cells.length} / 15 个单元格` : `${cells.length} of 15 cells answered`);
  return w.download('answer-download');
}

// Subjects in the question's order: 0 party, 1 gov, 2 ent, 3 assoc, 4 net.
const ANN = [[1, 'infra', 'main'], [4, 'illegal', 'supervise', 'Netizens report illegal content'], [2, 'practice', 'assist']];
const BO = [[1, 'infra', 'main'], [4, 'illegal', 'assist', 'They only help'], [2, 'practice', 'assist']];
const ZHANG = [[1, 'infra', 'main'], [4, 'illegal', 'supervise', '网民可以举报'], [2, 'practice', 'main']];

test('three participants answer on their own devices; the facilitator sees the agreement and builds the consensus', async ({ browser }) => {
  test.setTimeout(90_000); // four browsers, one after the other
  const host = await device(browser);
  const round = await startRound(host.app);
  expect(round.name).toBe('Who-governs-what-round.cogovern-round.json');
  expect(JSON.parse(round.text).format).toBe('cogovern.round');

  const laptop = await device(browser);
  const ann = await answer(laptop.app, round, { name: 'Ann', cells: ANN });
  expect(ann.name).toBe('Who-governs-what-Ann.cogovern-answer.json');

  const phone = await device(browser, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const bo = await answer(phone.app, round, { name: 'Bo', cells: BO });
  expect(await phone.app.pageOverflow()).toBe(0);

  const zh = await device(browser);
  const zhang = await answer(zh.app, round, { name: '张三', cells: ZHANG, zh: true });
  // Everything but the round's title, which the facilitator typed in English, is in Chinese.
  expect((await zh.app.englishLeft()).filter((s) => !s.includes('Who governs what?'))).toEqual([]);

  // The facilitator drops the three answers, a damaged file and an answer to another round.
  const w = host.app.workshop;
  const other = { name: 'other.cogovern-answer.json', text: ann.text.replace(/"round": "[^"]+"/, '"round": "round-elsewhere"') };
  await w.collect([ann, bo, zhang, { name: 'broken.cogovern-answer.json', text: '{"format": "cogovern.answer", ' }, other]);
  await expect(w.report().locator('li')).toHaveText([
    /Ann\.cogovern-answer\.json: added the answer of Ann/,
    /Bo\.cogovern-answer\.json: added the answer of Bo/,
    /张三\.cogovern-answer\.json: added the answer of 张三/,
    /broken\.cogovern-answer\.json: not added: not a readable answer file \(line 1, column \d+/,
    /other\.cogovern-answer\.json: not added: it answers another round \(“round-elsewhere”\)/,
  ]);
  await expect(w.answers().locator('tbody tr')).toHaveCount(3);

  // Agreement: three units answered by all three (see the native tests for the arithmetic).
  await expect(w.agreementN()).toHaveText('3');
  await expect(w.alpha()).toHaveText('0.385');
  await expect(w.kappa()).toHaveText('0.308');
  await expect(w.heat('gov', 'infra')).toContainText('M 100 %');
  await expect(w.heat('net', 'illegal')).toHaveAttribute('title', 'Netizens × Illegal speech and behaviour: Supervises, 67 %, 3 answered');
  // Screen readers hear the figures as its name, the sentence as its description.
  await expect(w.heat('net', 'illegal')).toHaveAccessibleName('S 67 % n=3');
  await expect(w.heat('net', 'illegal')).toHaveAccessibleDescription('Netizens × Illegal speech and behaviour: Supervises, 67 %, 3 answered');
  await expect(w.heat('net', 'illegal')).toHaveClass(/d2/);
  await expect(w.heat('gov', 'infra')).toHaveClass(/d0/);
  await w.heat('net', 'illegal').click();
  await expect(w.detail()).toContainText('Supervises');
  await expect(w.detail()).toContainText('2 (67 %)');
  await expect(w.reasons(w.detail()).locator('li')).toHaveText([
    'Ann · Supervises: Netizens report illegal content', 'Bo · Assists: They only help', '张三 · Supervises: 网民可以举报',
  ]);
  // The queue: the two split cells, in matrix order at equal dispute.
  await expect(w.queue().locator('ol > li')).toHaveCount(2);
  await expect(w.queue().locator('ol > li').first()).toHaveAttribute('data-testid', 'queue-ent-practice');
  const net = w.queued('net', 'illegal');
  await net.getByText('Reasons given (3)').click();
  await expect(w.reasons(net).locator('li')).toHaveCount(3);
  await w.discussed(net).check();
  await w.decision(net).fill('Netizens supervise through reporting channels');
  await w.decision(net).blur();

  // Leaving Bo out changes the figures; counting him again brings them back.
  const boId = JSON.parse(bo.text).answer.id;
  await w.counted(boId).uncheck();
  await expect(w.agreementN()).toHaveText('2');
  await w.counted(boId).check();
  await expect(w.agreementN()).toHaveText('3');

  await w.buildConsensus().click();
  await expect(host.app.status).toContainText('Added the model “Consensus: Who governs what?”: 3 cells agreed, 0 flagged');
  // Compare the room's consensus with the paper's synergetic model.
  await host.app.tab('compare').click();
  await host.app.compare.from().selectOption('synergetic');
  await host.app.compare.to().selectOption('consensus-1');
  await expect(host.app.compare.diffMatrix()).toBeVisible();

  await host.app.waitSaved((t) => JSON.parse(t).models.some((m) => m.id === 'consensus-1'));
  await host.page.reload();
  await host.app.tab('workshop').click();
  await expect(w.answers().locator('tbody tr')).toHaveCount(3);
  await expect(w.alpha()).toHaveText('0.385');
  await expect(w.decision(w.queued('net', 'illegal'))).toHaveValue('Netizens supervise through reporting channels');
  await expect(w.discussed(w.queued('net', 'illegal'))).toBeChecked();
  // The consensus is the current model of the matrix, with the room's roles.
  await host.app.tab('matrix').click();
  await expect(host.app.modelPicker()).toHaveValue('consensus-1');
  await expect(host.app.cell('net', 'illegal')).toHaveAttribute('data-role', 'S');
  await expect(host.app.cell('ent', 'practice')).toHaveAttribute('data-role', 'A');
  for (const d of [host, laptop, phone, zh]) expect(d.app.errors).toEqual([]);
  for (const d of [host, laptop, phone, zh]) await d.context.close();
});

test('the same participant twice keeps the newer answer; collecting is one undo step', async ({ browser }) => {
  const host = await device(browser);
  const round = await startRound(host.app);
  const p = await device(browser);
  const first = await answer(p.app, round, { name: 'Ann', cells: [[1, 'infra', 'main']] });
  await p.app.workshop.answer(1, 'infra', 'assist');
  const second = await p.app.workshop.download('answer-download');
  const w = host.app.workshop;
  await w.collect([second, first]);
  await expect(w.report().locator('li')).toHaveText([/added the answer of Ann/, /not added: an answer of Ann that is newer/]);
  await expect(w.heat('gov', 'infra')).toContainText('A 100 %');
  await host.app.undoButton.click();
  await expect(w.answers()).toHaveCount(0);
  await expect(w.agreementN()).toHaveText('0');
  await expect(w.alpha()).toHaveText('n/a');
  await host.app.redoButton.click();
  await expect(w.answers().locator('tbody tr')).toHaveCount(1);

  // The agreement table, the queue and the heat map leave as files.
  const csv = await w.download('agreement-csv');
  expect(csv.name).toBe('Who-governs-what-agreement.csv');
  expect(csv.text).toContain('Subject,Object,Leads,Main responsibility,Assists,Supervises,Consulted,Informed,No role,Most chosen role,Share,Answers');
  expect(csv.text).toContain('Governments,Infrastructure and facilities,0,0,1,0,0,0,0,Assists,1.000,1');
  const md = await w.download('queue-md');
  expect(md.text).toMatch(/^# Who governs what\?/);
  await w.t('heat-picture').click();
  const svg = await w.download('export-svg-heat');
  expect(svg.text).toContain('A 100 % · n=1');
  expect(svg.text).toContain('<svg');

  // Removing an answer is one undo step too.
  const id = JSON.parse(second.text).answer.id;
  await w.remove(id).click();
  await expect(w.t('no-answers')).toBeVisible();
  await host.app.undoButton.click();
  await expect(w.answers().locator('tbody tr')).toHaveCount(1);
  for (const d of [host, p]) await d.context.close();
});

test('a damaged or foreign round file is refused with its reason and changes nothing', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  const before = await app.saved();
  await app.importFile('round.cogovern-round.json', '{"format":"cogovern.round","version":9}');
  await expect(app.importError).toContainText('version 9');
  await app.closeImportError().click();
  await app.importFile('round.cogovern-round.json', '{"format":"cogovern.round","version":1,"id":"r"}');
  await expect(app.importError).toContainText('missing field');
  await app.closeImportError().click();
  expect(await app.saved()).toBe(before);
  await app.tab('workshop').click();
  await expect(app.workshop.t('no-round')).toBeVisible();
});

test('a dozen answers: the report counts the added files in one line and lists the rest, the answer list shows ten until all are asked for; the heat map is one tab stop moved by the arrow keys', async ({ page }) => {
  const { w, files } = await roundOf(page, [4, 3], 12);
  const broken = { name: 'broken.cogovern-answer.json', mimeType: 'application/json', buffer: Buffer.from('{"format": ') };
  await w.collectInput().setInputFiles([...files.slice(0, 6), broken, ...files.slice(6)]);
  await expect(w.agreementN()).toHaveText('12');
  // Twelve "added" lines are one line that opens to them: the damaged file stands out.
  await expect(w.report().locator('li')).toHaveText([/^broken\.cogovern-answer\.json: not added: not a readable answer file \(line 1, column/]);
  await expect(w.t('collect-report-added')).toHaveText('12 files: answer added');
  await w.t('collect-report-added').click();
  await expect(w.report().locator('li')).toHaveCount(13);
  await expect(w.report().locator('li').nth(1)).toHaveText('p0.cogovern-answer.json: added the answer of Participant 0');
  await expect(w.answers().locator('caption')).toHaveText('12 answers');
  await expect(w.answers().locator('tbody tr')).toHaveCount(10);
  await w.answersAll().click();
  await expect(w.answers().locator('tbody tr')).toHaveCount(12);
  await expect(w.answersAll()).toHaveCount(0);
  // The focus goes on to the first answer the button brought, not back to the page.
  await expect(w.counted('answer-10')).toBeFocused();

  // The queue too lists ten cells until all are asked for, and hands the focus on.
  await expect(w.queue().locator('li')).toHaveCount(10);
  const all = Number((await w.t('queue-all').textContent()).match(/\d+/)[0]);
  expect(all).toBeGreaterThan(10);
  await w.t('queue-all').click();
  await expect(w.queue().locator('li')).toHaveCount(all);
  await expect(w.queue().locator('li').nth(10).locator('button').first()).toBeFocused();

  // The heat map takes the Tab key once, at its first cell; the arrows, Home and End move it.
  await expect(w.heatmap()).toHaveAttribute('role', 'grid');
  await expect(w.heatmap().locator('td[tabindex="0"]')).toHaveCount(1);
  await w.heat('s0', 'o0').focus();
  // Each key, then the cell that has the focus after it.
  const moves = [
    ['ArrowRight', 's0', 'o1'], ['ArrowDown', 's1', 'o1'], ['ArrowDown', 's2', 'o1'],
    ['End', 's2', 'o2'], ['ArrowRight', 's2', 'o2'], ['Control+End', 's3', 'o2'],
    ['Home', 's3', 'o0'], ['PageUp', 's0', 'o0'], ['PageDown', 's3', 'o0'],
  ];
  for (const [key, subject, object] of moves) {
    await page.keyboard.press(key);
    await expect(w.heat(subject, object), key).toBeFocused();
  }
  await expect(w.heat('s3', 'o0')).toHaveAttribute('tabindex', '0');
  await expect(w.heatmap().locator('td[tabindex="0"]')).toHaveCount(1);
  // Enter opens the cell's details; leaving the grid and coming back returns to that cell.
  await page.keyboard.press('Enter');
  await expect(w.detail()).toBeVisible();
  await expect(w.heat('s3', 'o0')).toHaveAttribute('aria-expanded', 'true');
  await expect(w.heat('s0', 'o0')).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Shift+Tab');
  await expect(w.heat('s3', 'o0')).not.toBeFocused();
  await page.keyboard.press('Tab');
  await expect(w.heat('s3', 'o0')).toBeFocused();
  // A click moves the tab stop to the clicked cell.
  await w.heat('s1', 'o1').click();
  await expect(w.heat('s1', 'o1')).toHaveAttribute('aria-expanded', 'true');
  await expect(w.heat('s1', 'o1')).toHaveAttribute('tabindex', '0');
  await expect(w.heat('s3', 'o0')).toHaveAttribute('tabindex', '-1');
  // Space opens a cell like Enter.
  await page.keyboard.press('ArrowLeft');
  await expect(w.heat('s1', 'o0')).toBeFocused();
  await page.keyboard.press(' ');
  await expect(w.heat('s1', 'o0')).toHaveAttribute('aria-expanded', 'true');
  await expect(w.heat('s1', 'o1')).toHaveAttribute('aria-expanded', 'false');
});

test('answers pasted as text are collected one by one; a damaged answer file opened anywhere is refused', async ({ page }) => {
  const { app, w, files } = await roundOf(page, [4, 3], 3);
  await w.t('collect-paste').click();
  await w.t('collect-paste-text').fill(`${files[0].buffer}\n${files[1].buffer}`);
  await w.t('collect-paste-go').click();
  await expect(w.report().locator('li')).toHaveText([
    'pasted text 1: added the answer of Participant 0', 'pasted text 2: added the answer of Participant 1',
  ]);
  await expect(w.agreementN()).toHaveText('2');
  // An answer file with a field missing, opened through the header: a message, nothing changed.
  const broken = JSON.parse(files[2].buffer.toString());
  delete broken.answer.submitted;
  await app.importFile('broken.cogovern-answer.json', JSON.stringify(broken));
  await expect(app.importError).toContainText('answer: missing field `submitted`');
  await app.closeImportError().click();
  await expect(w.agreementN()).toHaveText('2');
  expect(app.errors).toEqual([]);
});

test.describe('on a phone (360 px)', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('answering, collecting and the agreement view fit the screen and every control a fingertip', async ({ page }) => {
    const { app, w, files } = await roundOf(page, [8, 6], 5);
    await w.collectInput().setInputFiles(files);
    await expect(w.agreementN()).toHaveText('5');
    // The heat map's title starts where the map does, in sight (centred over the map, which
    // scrolls in its frame, most of it was out of sight).
    const offset = await page.getByTestId('heatmap').evaluate((t) => {
      const words = document.createRange();
      words.selectNodeContents(t.querySelector('caption'));
      return words.getBoundingClientRect().left - t.getBoundingClientRect().left;
    });
    expect(offset).toBeLessThan(10);
    await w.heat('s1', 'o2').tap();
    await expect(w.detail()).toBeVisible();
    await w.t('my-answer-toggle').tap();
    await w.start().tap();
    await w.subject().selectOption('3');
    await w.roleOf('o5').tap();
    await w.roleOf('o5').selectOption('assist');
    await expect(w.progress()).toHaveText('1 of 48 cells answered');
    for (const lang of ['en', 'zh-CN']) {
      await app.language(lang);
      expect(await app.pageOverflow(), lang).toBe(0);
      expect(await app.smallTargets(), lang).toEqual([]);
    }
    expect(app.errors).toEqual([]);
  });
});
