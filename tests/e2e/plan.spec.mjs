// Stories of the analysis of one model and of the transition plan.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Workbench } from './pages/workbench.mjs';

const NET_ILLEGAL = 'plan-transition-15';

test('analysis: every metric with its gauge, and the checklist measured and ticked by hand', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.pickModel('traditional');
  await app.tab('analysis').click();
  const cards = page.getByTestId('analysis-metrics').locator('li');
  await expect(cards).toHaveCount(8);
  const participation = page.getByTestId('card-participation');
  await expect(participation).toContainText('0.60');
  await expect(participation).toContainText('Imbalance of the governance subject structure');
  await expect(participation).toContainText('60% of the subjects hold a role.');
  await expect(participation.locator('svg.gauge path')).toHaveClass(/poor|fair/);
  const people = page.getByTestId('check-req-people');
  await expect(people.getByTestId('measured')).toContainText('Not met according to the data');
  // The group ticks it by hand with a note; it is one undo step and is saved.
  await people.getByTestId('check-done').check();
  await people.getByTestId('check-note').fill('Hearings with netizens planned for spring');
  await people.getByTestId('check-note').blur();
  await app.waitSaved((t) => JSON.parse(t).models[0].checks['req-people']?.note === 'Hearings with netizens planned for spring');
  await page.reload();
  await app.tab('analysis').click();
  await expect(page.getByTestId('check-req-people').getByTestId('check-done')).toBeChecked();
  await expect(page.getByTestId('check-req-people').getByTestId('check-note')).toHaveValue('Hearings with netizens planned for spring');
  // The synergetic model meets what the data can tell.
  await app.pickModel('synergetic');
  await expect(page.getByTestId('check-char-party').getByTestId('measured')).toHaveText(
    'Met according to the data (a subject of the leadership layer holds a leadership role)');
  await expect(page.getByTestId('check-req-people').getByTestId('check-done')).not.toBeChecked();
  expect(app.errors).toEqual([]);
});

test('the plan: one step per change grouped by subject; an edited step stays after a reload', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.tab('plan').click();
  await expect(page.getByTestId('plan-from-to')).toHaveText(
    'From Traditional multi-regulators model to "One main power and three auxiliary participators" synergetic model');
  await expect(page.locator('li.step')).toHaveCount(15);
  await expect(page.locator('.step-group h3')).toHaveText(['Party committees', 'Governments', 'Internet enterprises', 'Internet associations', 'Netizens']);
  const step = page.getByTestId(`plan-step-${NET_ILLEGAL}`);
  await expect(step.getByTestId(`step-title-${NET_ILLEGAL}`)).toHaveValue('Netizens: take up “Supervises” for Illegal speech and behaviour');
  await step.getByTestId(`step-owner-${NET_ILLEGAL}`).fill('Cyberspace Administration');
  await step.getByTestId(`step-owner-${NET_ILLEGAL}`).blur();
  await step.getByTestId(`step-priority-${NET_ILLEGAL}`).selectOption('Medium');
  await step.getByTestId(`step-target-${NET_ILLEGAL}`).fill('2027-03-31');
  await step.getByTestId(`step-status-${NET_ILLEGAL}`).selectOption('InProgress');
  await step.getByTestId(`step-notes-${NET_ILLEGAL}`).fill('Pilot in two provinces first');
  await step.getByTestId(`step-notes-${NET_ILLEGAL}`).blur();
  // Move it above the other netizen step, and add a step of our own.
  await step.getByTestId(`step-up-${NET_ILLEGAL}`).click();
  const netizens = page.getByTestId('group-net').locator('li.step');
  await expect(netizens.nth(1)).toHaveAttribute('data-testid', `plan-step-${NET_ILLEGAL}`);
  await page.getByTestId('add-step-general').click();
  const manual = page.getByTestId('plan-step-plan-transition-manual-1');
  await expect(page.getByTestId('step-title-plan-transition-manual-1')).toBeFocused();
  await page.getByTestId('step-title-plan-transition-manual-1').fill('Hold a kick-off workshop');
  await page.getByTestId('step-title-plan-transition-manual-1').blur();
  await expect(manual).toBeVisible();
  await app.waitSaved((t) => JSON.parse(t).plans[0].steps.some((s) => s.title.en === 'Hold a kick-off workshop'));
  await page.reload();
  await app.tab('plan').click();
  const again = page.getByTestId(`plan-step-${NET_ILLEGAL}`);
  await expect(again.getByTestId(`step-owner-${NET_ILLEGAL}`)).toHaveValue('Cyberspace Administration');
  await expect(again.getByTestId(`step-priority-${NET_ILLEGAL}`)).toHaveValue('Medium');
  await expect(again.getByTestId(`step-target-${NET_ILLEGAL}`)).toHaveValue('2027-03-31');
  await expect(again.getByTestId(`step-status-${NET_ILLEGAL}`)).toHaveValue('InProgress');
  await expect(again.getByTestId(`step-notes-${NET_ILLEGAL}`)).toHaveValue('Pilot in two provinces first');
  await expect(page.getByTestId('group-net').locator('li.step').nth(1)).toHaveAttribute('data-testid', `plan-step-${NET_ILLEGAL}`);
  await expect(page.getByTestId('group-general')).toContainText('General steps');
  await expect(page.locator('li.step')).toHaveCount(16);
  // Undo takes back a step's edit as one step, named by the step.
  await again.getByTestId(`step-owner-${NET_ILLEGAL}`).fill('Someone else');
  await again.getByTestId(`step-owner-${NET_ILLEGAL}`).blur();
  await expect(app.undoButton).toHaveAttribute('title', 'Undo: edit the step “Netizens: take up “Supervises” for Illegal speech and behaviour”');
  await app.undoButton.click();
  await expect(again.getByTestId(`step-owner-${NET_ILLEGAL}`)).toHaveValue('Cyberspace Administration');
  expect(app.errors).toEqual([]);
});

test('the plan exports as Markdown and CSV with the edits, and prints', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.tab('plan').click();
  await page.getByTestId(`step-owner-${NET_ILLEGAL}`).fill('CAC *team*');
  await page.getByTestId(`step-status-${NET_ILLEGAL}`).selectOption('Done');
  const [md] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-plan-md').click()]);
  expect(md.suggestedFilename()).toMatch(/-plan\.md$/);
  const text = readFileSync(await md.path(), 'utf8');
  expect(text.startsWith('# Transition from Traditional multi-regulators model to')).toBe(true);
  expect(text).toContain('\n## Netizens\n');
  expect(text).toContain('- [x] **Netizens: take up “Supervises” for Illegal speech and behaviour** — Owner: CAC \\*team\\* · Priority: high · Target date: — · Status: done');
  expect(text.match(/^- \[[ x]\]/gm)).toHaveLength(15);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-plan-csv').click()]);
  const rows = readFileSync(await csv.path(), 'utf8').trimEnd().split('\r\n');
  expect(rows[0]).toBe('\ufeffStep,Subject,Owner,Priority,Target date,Status,Notes');
  expect(rows).toHaveLength(16);
  // Print: the plan on A4 without the controls.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('export-plan-md')).toBeHidden();
  await expect(page.getByTestId(`plan-step-${NET_ILLEGAL}`)).toBeVisible();
  await expect(page.locator('.tabs')).toBeHidden();
});

test('a plan made from Compare, and the whole view in 简体中文', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.language('zh-CN');
  await app.tab('compare').click();
  await page.getByTestId('compare-from').selectOption('synergetic');
  await page.getByTestId('compare-to').selectOption('traditional');
  await page.getByTestId('compare-make-plan').click();
  await expect(app.tab('plan')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('plan-title')).toHaveText('从"一主三辅"网络空间协同治理模式到传统多头管理模式的转型计划');
  await expect(page.getByTestId('plan-picker')).toBeVisible();
  await expect(page.locator('li.step')).toHaveCount(15);
  await expect(page.getByTestId('group-net').locator('input[data-testid^=step-title]').first()).toHaveValue('网民：退出治理');
  await expect(page.getByTestId('panel-plan')).toContainText('负责人');
  await expect(page.getByTestId('panel-plan')).toContainText('优先级');
  const [md] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-plan-md').click()]);
  const text = readFileSync(await md.path(), 'utf8');
  expect(text).toContain('## 网民');
  expect(text).toContain('负责人：—'.replace('：', ': '));
  // Deleting the plan asks first and can be undone.
  await page.getByTestId('panel-plan').getByTestId('delete').click();
  await expect(page.getByTestId('delete-confirm')).toContainText('15 个步骤');
  await page.getByTestId('delete-yes').click();
  await expect(page.getByTestId('plan-picker')).toHaveCount(0);
  await app.undoButton.click();
  await expect(page.getByTestId('plan-picker')).toBeVisible();
  await app.tab('analysis').click();
  await expect(page.getByTestId('panel-analysis')).toContainText('设计要求与特征');
});

test('a workbook saved by the previous version (v1) opens, is upgraded, and gets plans', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.importFile('old.cogovern.json', readFileSync('tests/fixtures/v1/paper.cogovern.json'));
  await expect(app.status).toContainText('The file was upgraded from version 1.');
  await app.tab('plan').click();
  await expect(page.getByTestId('no-plan')).toBeVisible();
  await page.getByTestId('plan-generate').click();
  await expect(page.locator('li.step')).toHaveCount(15);
  const saved = JSON.parse(await app.saved());
  expect(saved.version).toBe(2);
});
