// Stories of the Plan tab: the transition plan generated, edited, exported and printed.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Workbench } from '../pages/workbench.mjs';

const NET_ILLEGAL = 'plan-transition-15';

test('the plan: one step per change grouped by subject; an edited step stays after a reload', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.tab('plan').click();
  await expect(app.plan.fromTo()).toHaveText(
    'From Traditional multi-regulators model to "One main power and three auxiliary participators" synergetic model');
  await expect(page.locator('li.step')).toHaveCount(15);
  await expect(page.locator('.step-group h3')).toHaveText(['Party committees', 'Governments', 'Internet enterprises', 'Internet associations', 'Netizens']);
  const step = app.plan.step(NET_ILLEGAL);
  await expect(app.plan.stepTitle(NET_ILLEGAL, step)).toHaveValue('Netizens: take up “Supervises” for Illegal speech and behaviour');
  await app.plan.owner(NET_ILLEGAL, step).fill('Cyberspace Administration');
  await app.plan.owner(NET_ILLEGAL, step).blur();
  await app.plan.priority(NET_ILLEGAL, step).selectOption('Medium');
  await app.plan.target(NET_ILLEGAL, step).fill('2027-03-31');
  await app.plan.status(NET_ILLEGAL, step).selectOption('InProgress');
  await app.plan.notes(NET_ILLEGAL, step).fill('Pilot in two provinces first');
  await app.plan.notes(NET_ILLEGAL, step).blur();
  // Move it above the other netizen step, and add a step of our own.
  await app.plan.up(NET_ILLEGAL, step).click();
  const netizens = app.plan.group('net').locator('li.step');
  await expect(netizens.nth(1)).toHaveAttribute('data-testid', `plan-step-${NET_ILLEGAL}`);
  await app.plan.addStep('general').click();
  const manual = app.plan.step('plan-transition-manual-1');
  await expect(app.plan.stepTitle('plan-transition-manual-1')).toBeFocused();
  await app.plan.stepTitle('plan-transition-manual-1').fill('Hold a kick-off workshop');
  await app.plan.stepTitle('plan-transition-manual-1').blur();
  await expect(manual).toBeVisible();
  await app.waitSaved((t) => JSON.parse(t).plans[0].steps.some((s) => s.title.en === 'Hold a kick-off workshop'));
  await page.reload();
  await app.tab('plan').click();
  const again = app.plan.step(NET_ILLEGAL);
  await expect(app.plan.owner(NET_ILLEGAL, again)).toHaveValue('Cyberspace Administration');
  await expect(app.plan.priority(NET_ILLEGAL, again)).toHaveValue('Medium');
  await expect(app.plan.target(NET_ILLEGAL, again)).toHaveValue('2027-03-31');
  await expect(app.plan.status(NET_ILLEGAL, again)).toHaveValue('InProgress');
  await expect(app.plan.notes(NET_ILLEGAL, again)).toHaveValue('Pilot in two provinces first');
  await expect(app.plan.group('net').locator('li.step').nth(1)).toHaveAttribute('data-testid', `plan-step-${NET_ILLEGAL}`);
  await expect(app.plan.group('general')).toContainText('General steps');
  await expect(page.locator('li.step')).toHaveCount(16);
  // Undo takes back a step's edit as one step, named by the step.
  await app.plan.owner(NET_ILLEGAL, again).fill('Someone else');
  await app.plan.owner(NET_ILLEGAL, again).blur();
  await expect(app.undoButton).toHaveAttribute('title', 'Undo: edit the step “Netizens: take up “Supervises” for Illegal speech and behaviour”');
  await app.undoButton.click();
  await expect(app.plan.owner(NET_ILLEGAL, again)).toHaveValue('Cyberspace Administration');
  expect(app.errors).toEqual([]);
});

test('the plan exports as Markdown and CSV with the edits, and prints', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.tab('plan').click();
  await app.plan.owner(NET_ILLEGAL).fill('CAC *team*');
  await app.plan.status(NET_ILLEGAL).selectOption('Done');
  const [md] = await Promise.all([page.waitForEvent('download'), app.plan.exportMarkdown().click()]);
  expect(md.suggestedFilename()).toMatch(/-plan\.md$/);
  const text = readFileSync(await md.path(), 'utf8');
  expect(text.startsWith('# Transition from Traditional multi-regulators model to')).toBe(true);
  expect(text).toContain('\n## Netizens\n');
  expect(text).toContain('- [x] **Netizens: take up “Supervises” for Illegal speech and behaviour** — Owner: CAC \\*team\\* · Priority: high · Target date: — · Status: done');
  expect(text.match(/^- \[[ x]\]/gm)).toHaveLength(15);
  const [csv] = await Promise.all([page.waitForEvent('download'), app.plan.exportCsv().click()]);
  const rows = readFileSync(await csv.path(), 'utf8').trimEnd().split('\r\n');
  expect(rows[0]).toBe('\ufeffStep,Subject,Owner,Priority,Target date,Status,Notes');
  expect(rows).toHaveLength(16);
  // Print: the plan on A4 without the controls.
  await page.emulateMedia({ media: 'print' });
  await expect(app.plan.exportMarkdown()).toBeHidden();
  await expect(app.plan.step(NET_ILLEGAL)).toBeVisible();
  await expect(page.locator('.tabs')).toBeHidden();
});

test('a plan made from Compare, and the whole view in 简体中文', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.language('zh-CN');
  await app.tab('compare').click();
  await app.compare.from().selectOption('synergetic');
  await app.compare.to().selectOption('traditional');
  await app.compare.makePlan().click();
  await expect(app.tab('plan')).toHaveAttribute('aria-selected', 'true');
  await expect(app.plan.title()).toHaveText('从"一主三辅"网络空间协同治理模式到传统多头管理模式的转型计划');
  await expect(app.plan.picker()).toBeVisible();
  await expect(page.locator('li.step')).toHaveCount(15);
  await expect(app.plan.group('net').locator('input[data-testid^=step-title]').first()).toHaveValue('网民：退出治理');
  await expect(app.panel('plan')).toContainText('负责人');
  await expect(app.panel('plan')).toContainText('优先级');
  const [md] = await Promise.all([page.waitForEvent('download'), app.plan.exportMarkdown().click()]);
  const text = readFileSync(await md.path(), 'utf8');
  expect(text).toContain('## 网民');
  expect(text).toContain('负责人：—'.replace('：', ': '));
  // Deleting the plan asks first and can be undone.
  await app.matrixTab.delete(app.panel('plan')).click();
  await expect(app.matrixTab.deleteConfirm()).toContainText('15 个步骤');
  await app.matrixTab.deleteYes().click();
  await expect(app.plan.picker()).toHaveCount(0);
  await app.undoButton.click();
  await expect(app.plan.picker()).toBeVisible();
  await app.tab('analysis').click();
  await expect(app.panel('analysis')).toContainText('设计要求与特征');
});

test('a workbook saved by the previous version (v1) opens, is upgraded, and gets plans', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.importFile('old.cogovern.json', readFileSync('tests/fixtures/v1/paper.cogovern.json'));
  await expect(app.status).toContainText('The file was upgraded from version 1.');
  await app.tab('plan').click();
  await expect(app.plan.noPlan()).toBeVisible();
  await app.plan.generate().click();
  await expect(page.locator('li.step')).toHaveCount(15);
  // Saved in the current version (4: with workshop rounds and dot voting, none yet).
  const saved = JSON.parse(await app.saved());
  expect(saved.version).toBe(4);
  expect(saved.rounds).toEqual([]);
});
