// Stories of small screens: a phone (390 px) and a tablet (768 px) in portrait, and the 320 px
// of zoomed reflow. The page never scrolls sideways (wide matrices and diagrams scroll inside
// their own frames), no text is squeezed into a sliver beside another part of a view, and, by
// touch, every control is at least a fingertip (44 × 44 px).
import { test, expect } from '@playwright/test';
import { Workbench } from '../pages/workbench.mjs';
import { bigWorkbook } from '../big.mjs';

const SIZES = [
  ['a phone', { width: 390, height: 844 }],
  ['a tablet', { width: 768, height: 1024 }],
  // WCAG's reflow width: a 1280 px screen at 400 % zoom (or a 640 px window at 200 %).
  ['the narrowest reflow', { width: 320, height: 640 }],
];

for (const [device, viewport] of SIZES) {
  test.describe(`on ${device} (${viewport.width} px)`, () => {
    test.use({ viewport, hasTouch: true, isMobile: true });

    test('no tab scrolls the page sideways, in either language', async ({ page }) => {
      const app = new Workbench(page);
      await app.fresh();
      await app.everyTab(async (slug, lang) => {
        expect(await app.pageOverflow(), `${slug} in ${lang}`).toBe(0);
      });
      expect(app.errors).toEqual([]);
    });

    test('no tab squeezes its text into a narrow column, in either language', async ({ page }) => {
      const app = new Workbench(page);
      await app.fresh();
      await app.everyTab(async (slug, lang) => {
        expect(await app.squeezed(), `${slug} in ${lang}`).toEqual([]);
      });
    });

    test('the chart, the timeline and the structure diagram keep legible text, scrolling inside their figures', async ({ page }) => {
      const app = new Workbench(page);
      await app.fresh();
      // The height of the smallest text drawn (the network diagram zooms: it is not here).
      const smallest = (selector) => page.locator(selector).evaluateAll((texts) => Math.min(...texts.map((t) => t.getBoundingClientRect().height).filter((h) => h > 0)));
      for (const [slug, drawing] of [['data', '.chart text'], ['timeline', '.timeline-drawing text'], ['diagram', '.structure text']]) {
        await app.tab(slug).click();
        await expect(page.locator(drawing).first()).toBeVisible();
        expect(await smallest(drawing), slug).toBeGreaterThanOrEqual(10);
        expect(await app.pageOverflow(), slug).toBe(0);
      }
    });

    test('a 60×60 matrix scrolls in its own frame, and a far cell is reached and set by touch', async ({ page }) => {
      const app = new Workbench(page);
      await app.fresh();
      await app.importFile('wide.cogovern.json', JSON.stringify(bigWorkbook(60)));
      await expect(app.cell('s0', 'o0')).toBeVisible();
      expect(await app.pageOverflow()).toBe(0);
      await app.matrixTab.scrollGrid(1e6, 1e6);
      const far = app.cell('s59', 'o59');
      await far.tap();
      await app.role('consulted').tap();
      await expect(far).toHaveAttribute('data-role', 'C');
      expect(await app.pageOverflow()).toBe(0);
    });

    test('a tapped cell brings the roles of its editor on screen', async ({ page }) => {
      const app = new Workbench(page);
      await app.fresh();
      await app.cell('gov', 'illegal').tap();
      await expect(app.role('consulted')).toBeInViewport();
      await app.role('consulted').tap();
      await expect(app.cell('gov', 'illegal')).toHaveAttribute('data-role', 'C');
    });

    test('the chosen tab is always in sight in the tab bar, also when a link opens on it', async ({ page }) => {
      const app = new Workbench(page);
      await app.fresh();
      await page.goto('/#workshop');
      await expect(app.tab('workshop')).toHaveAttribute('aria-selected', 'true');
      await expect(app.tab('workshop')).toBeInViewport({ ratio: 1 });
      // A fragment typed into the address bar (or Back) chooses a tab out of sight too.
      await page.evaluate(() => { location.hash = '#matrix'; });
      await expect(app.tab('matrix')).toHaveAttribute('aria-selected', 'true');
      await expect(app.tab('matrix')).toBeInViewport({ ratio: 1 });
      expect(await app.pageOverflow()).toBe(0);
      expect(await page.evaluate(() => scrollX)).toBe(0);
    });

    test("a plan step's minus and plus stay side by side", async ({ page }) => {
      const app = new Workbench(page);
      await app.fresh();
      await app.tab('plan').click();
      const top = (prefix) => page.locator(`[data-testid^=${prefix}]`).first().evaluate((b) => b.getBoundingClientRect().top);
      expect(await top('step-dot-more-')).toBe(await top('step-dot-less-'));
    });

    test('every control of every tab is large enough to touch', async ({ page }) => {
      const app = new Workbench(page);
      await app.fresh();
      await app.everyTab(async (slug) => {
        expect(await app.smallTargets(), slug).toEqual([]);
      }, [null]);
    });
  });
}
