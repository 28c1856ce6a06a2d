// Stories of the room: a facilitator times an activity and presents the chosen views on a
// projector, stepping with the keys a presenter remote sends.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { Workbench } from '../pages/workbench.mjs';

test('the activity timer counts down, pauses, says when the time is up, and resets', async ({ page }) => {
  await page.clock.install();
  const app = new Workbench(page);
  await app.fresh();
  const time = app.t('timer-time');
  await app.t('timer-toggle').click();
  await app.t('timer-minutes').fill('2');
  await app.t('timer-minutes').press('Tab');
  await expect(time).toHaveText('2:00');
  await app.t('timer-start').click();
  await expect(app.t('timer-start')).toHaveText('Pause');
  await page.clock.fastForward(30_000);
  await expect(time).toHaveText('1:30');
  await app.t('timer-start').click();
  await page.clock.fastForward(60_000);
  await expect(time).toHaveText('1:30');
  // By keyboard: Enter on the focused button resumes.
  await app.t('timer-start').focus();
  await page.keyboard.press('Enter');
  await page.clock.fastForward(95_000);
  await expect(time).toHaveText('0:00');
  await expect(time).toHaveClass(/done/);
  // The end pulses, unless the system asks for less motion.
  const animation = () => time.evaluate((el) => getComputedStyle(el).animationName);
  expect(await animation()).toBe('time-up');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await animation()).toBe('none');
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await expect(app.t('time-up')).toHaveText('Time is up');
  await expect(app.status).toHaveText('Time is up');
  await expect(app.t('timer-start')).toHaveText('Start');
  await app.t('timer-reset').click();
  await expect(time).toHaveText('2:00');
  await expect(app.t('time-up')).toHaveCount(0);
  expect(app.errors).toEqual([]);
});

test('present mode steps through the chosen views by keyboard, edits nothing, rings a cell, and Escape leaves', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.pickModel('synergetic');
  const roles = await app.matrixRoles();
  await app.t('present').click();
  await app.t('present-pick-compare').uncheck();
  await app.t('present-pick-agreement').uncheck();
  await app.t('present-start').click();
  const position = app.t('present-position');
  await expect(position).toHaveText('1 / 5');
  await expect(app.tab('matrix')).toHaveCount(0); // no tabs, header or editing chrome
  await expect(app.t('present-title')).toContainText('Matrix');
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
  // A click rings the cell instead of opening the editor; a role's digit changes nothing.
  await app.cell('net', 'infra').click();
  await expect(app.cell('net', 'infra')).toHaveClass(/spot/);
  await expect(app.editor).toHaveCount(0);
  await page.keyboard.press('3');
  await page.keyboard.press('Delete');
  const slides = [['PageDown', '2 / 5', 'structure'], ['ArrowRight', '3 / 5', 'network'], ['ArrowRight', '4 / 5', 'analysis'],
    ['End', '5 / 5', 'plan'], ['ArrowRight', '5 / 5', 'plan'], ['PageUp', '4 / 5', 'analysis'], ['Home', '1 / 5', 'matrix']];
  for (const [key, at, slide] of slides) {
    await page.keyboard.press(key);
    await expect(position, key).toHaveText(at);
    await expect(app.t('presentation'), key).toHaveAttribute('data-slide', slide);
  }
  await app.t('present-next').click();
  await expect(position).toHaveText('2 / 5');
  await page.keyboard.press('Escape');
  await expect(app.t('presentation')).toHaveCount(0);
  await expect(app.tab('matrix')).toHaveAttribute('aria-selected', 'true');
  expect(await app.matrixRoles()).toEqual(roles);
  await app.waitSaved((t) => JSON.parse(t).models.length === 2);
  expect(app.errors).toEqual([]);
});
