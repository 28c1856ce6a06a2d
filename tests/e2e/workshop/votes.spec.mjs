// Dot voting on plan steps: the facilitator's round also votes on the transition plan, a
// participant spreads three dots on their phone and sends them back in the answer file, a
// show of hands adds more, and the plan is ordered by the dots, which survive a reload.
import { test, expect } from '@playwright/test';
import { Workbench } from '../pages/workbench.mjs';

const step = (n) => `plan-transition-${n}`;

test('dots travel in answer files, add to a show of hands, and order the plan', async ({ browser }) => {
  test.setTimeout(60_000);
  const hostContext = await browser.newContext();
  const host = new Workbench(await hostContext.newPage());
  await host.fresh();
  const w = host.workshop;
  await host.tab('workshop').click();
  await w.newName().fill('What first?');
  await w.newVote().selectOption('plan-transition');
  await w.newDots().fill('3');
  await w.newDots().press('Tab');
  await w.make().click();
  const round = await w.download('round-download');
  expect(JSON.parse(round.text).version).toBe(2);

  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = new Workbench(await phoneContext.newPage());
  await phone.fresh();
  const p = phone.workshop;
  await phone.importFile(round.name, round.text);
  await p.start().click();
  await p.name().fill('Ann');
  await p.name().blur();
  await expect(p.votesLeft()).toHaveText('Your dots: spread 3 over the steps (3 left)');
  await p.voteMore(step(4)).click();
  // A dot given does not draw the list again: the button keeps the focus for the next one.
  await phone.page.keyboard.press('Enter');
  await expect(p.voteMore(step(4))).toBeFocused();
  await p.voteMore(step(3)).click();
  await expect(p.votesLeft()).toHaveText('Your dots: spread 3 over the steps (0 left)');
  await expect(p.voteMore(step(1))).toBeDisabled();
  await expect(p.voteCount(step(4))).toHaveText('● 2');
  expect(await phone.pageOverflow()).toBe(0);
  const answer = await p.download('answer-download');
  expect(JSON.parse(answer.text).answer.votes).toEqual({ [step(3)]: 1, [step(4)]: 2 });

  await w.collect([answer]);
  const plan = host.plan;
  await host.tab('plan').click();
  await expect(plan.dots(step(4))).toHaveText('● 2 dots (0 by show of hands)');
  await plan.dotMore(step(2)).click();
  await expect(plan.dots(step(2))).toHaveText('● 1 dots (1 by show of hands)');
  await expect(plan.ranking().locator('li')).toHaveText([/● 2 .*Illegal speech/, /● 1 .*Infrastructure/, /● 1 .*Production/]);
  expect(await plan.order('party')).toEqual([step(1), step(2), step(3), step(4)]);
  await plan.sortByVotes().click();
  expect(await plan.order('party')).toEqual([step(4), step(2), step(3), step(1)]);
  // One undo step puts the order back.
  await host.undoButton.click();
  expect(await plan.order('party')).toEqual([step(1), step(2), step(3), step(4)]);
  await host.redoButton.click();
  await host.waitSaved((t) => JSON.parse(t).plans[0].steps[0].id === step(4));
  await host.page.reload();
  await host.tab('plan').click();
  expect(await plan.order('party')).toEqual([step(4), step(2), step(3), step(1)]);
  await expect(plan.dots(step(4))).toHaveText('● 2 dots (0 by show of hands)');
  await expect(plan.dots(step(2))).toHaveText('● 1 dots (1 by show of hands)');
  expect(host.errors.concat(phone.errors)).toEqual([]);
});
