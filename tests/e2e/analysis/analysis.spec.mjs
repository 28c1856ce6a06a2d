// Stories of the Analysis tab: metrics and the checklist of one model.
import { test, expect } from '@playwright/test';
import { Workbench } from '../pages/workbench.mjs';

test('analysis: every metric with its gauge, and the checklist measured and ticked by hand', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.pickModel('traditional');
  await app.tab('analysis').click();
  const cards = app.analysis.metrics().locator('li');
  await expect(cards).toHaveCount(8);
  const participation = app.analysis.card('participation');
  await expect(participation).toContainText('0.60');
  await expect(participation).toContainText('Imbalance of the governance subject structure');
  await expect(participation).toContainText('60% of the subjects hold a role.');
  await expect(participation.locator('svg.gauge path')).toHaveClass(/poor|fair/);
  const people = app.analysis.check('req-people');
  await expect(app.analysis.measured(people)).toContainText('Not met according to the data');
  // The group ticks it by hand with a note; it is one undo step and is saved.
  await app.analysis.done(people).check();
  await app.analysis.note(people).fill('Hearings with netizens planned for spring');
  await app.analysis.note(people).blur();
  await app.waitSaved((t) => JSON.parse(t).models[0].checks['req-people']?.note === 'Hearings with netizens planned for spring');
  await page.reload();
  await app.tab('analysis').click();
  await expect(app.analysis.done(app.analysis.check('req-people'))).toBeChecked();
  await expect(app.analysis.note(app.analysis.check('req-people'))).toHaveValue('Hearings with netizens planned for spring');
  // The synergetic model meets what the data can tell.
  await app.pickModel('synergetic');
  await expect(app.analysis.measured(app.analysis.check('char-party'))).toHaveText(
    'Met according to the data (a subject of the leadership layer holds a leadership role)');
  await expect(app.analysis.done(app.analysis.check('req-people'))).not.toBeChecked();
  expect(app.errors).toEqual([]);
});
