import { expect, test, type Locator, type Page } from '@playwright/test';
import { screenshot, startPanelsEnv, type PanelsEnv } from './rig-panels-fixture';

// Two simulated rigs, each given a scheduled task straight on the rig (as motifctl or another
// program would): the dashboard's timeline reads them back and draws them.
test.describe.configure({ timeout: 120_000 });
let env: PanelsEnv;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  env = await startPanelsEnv({ rigs: 2 });
  await env.client(0).call('schedule/io/led/set', { task_name: 'blink', cron_expression: '0 */10 * * * *', value: 1 });
  await env.client(1).call('schedule/recording/start', { task_name: 'hourly', cron_expression: '0 0 * * * *', duration: 600 });
});
test.afterAll(async () => {
  await env?.stop();
});

const rows = (page: Page) => page.getByTestId('timeline-summary-row');
/** The rigs' own rows, not their cameras' (a camera gets a row once the app sees it record). */
const rigRows = (page: Page) => rows(page).filter({ hasNotText: ' · ' });
const range = (page: Page) => page.getByTestId('timeline-range');
/** How many events a summary row counts, e.g. 147 in "Panel rig 1: 147 output events". */
const counted = async (row: Locator, kind: RegExp) => Number((await row.textContent())?.match(kind)?.[1] ?? NaN);

/** Pixels of the canvas that are not transparent: a blank canvas has none. */
const painted = (canvas: Locator) =>
  canvas.evaluate((c: { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null }) => {
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n += 1;
    return n;
  });

test('the dashboard timeline draws the rigs\' scheduled tasks for the next day; zoom and pan change what is in view', async ({ page }) => {
  await page.goto(env.app.url);
  await page.getByRole('switch', { name: 'Timeline' }).check();
  const timeline = page.getByTestId('dashboard-timeline');
  await expect(rigRows(page)).toHaveCount(2, { timeout: 20_000 });

  // A day and a half hour in view: a task every 10 min fires about 147 times, an hourly one 24 or 25 times.
  await expect(rigRows(page).nth(0)).toHaveText(/^Panel rig 1: \d+ output events$/, { timeout: 20_000 });
  expect(await counted(rigRows(page).nth(0), /: (\d+) output events/)).toBeGreaterThanOrEqual(146);
  expect(await counted(rigRows(page).nth(0), /: (\d+) output events/)).toBeLessThanOrEqual(148);
  await expect(rigRows(page).nth(1)).toHaveText(/^Panel rig 2: (24|25) recordings$/);
  // Both rigs tell the same zone: the axis is drawn in it, and says so.
  await expect(timeline.getByTestId('timeline-zone')).toHaveText(/^Times in \S+ \(the rigs' zone\)$/);

  const canvas = page.getByTestId('timeline-canvas');
  expect(await painted(canvas)).toBeGreaterThan(5000);
  await canvas.screenshot({ path: 'test-results/screenshots/timeline-canvas.png' });
  await screenshot(page, 'dashboard-timeline');

  // Zoomed in, fewer events are in view; panned later, the range moves on.
  const before = await range(page).textContent();
  await timeline.getByRole('button', { name: 'Zoom in' }).click();
  await expect(range(page)).not.toHaveText(before ?? '');
  await expect.poll(() => counted(rigRows(page).nth(0), /: (\d+) output events/)).toBeLessThanOrEqual(100);
  const zoomed = await range(page).textContent();
  await canvas.focus();
  await page.keyboard.press('ArrowRight');
  await expect(range(page)).not.toHaveText(zoomed ?? '');
  await timeline.getByRole('button', { name: 'Earlier' }).click();
  await expect(range(page)).toHaveText(zoomed ?? '');

  // Hovering a tick names it in words.
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the timeline canvas has no box');
  for (let x = 200; x < box.width && !(await page.getByTestId('timeline-tooltip').isVisible()); x += 2) {
    await page.mouse.move(box.x + x, box.y + 30 + 14);
  }
  await expect(page.getByTestId('timeline-tooltip')).toHaveText(/^\d\d:\d0:00 led → 1 \(blink, a task of the rig\)/);
});

test('a recording started by hand shows as seen in the past part of the timeline', async ({ page }) => {
  await env.client(0).call('recording/start', { filename: 'by_hand' });
  await page.goto(env.app.url);
  await page.getByRole('switch', { name: 'Timeline' }).check();
  const timeline = page.getByTestId('dashboard-timeline');
  const seen = rows(page).filter({ hasText: /^Panel rig 1 · \S+: nothing planned; 1 recording seen$/ });
  // The app sees it at its next status poll; the timeline shows it once read again.
  await expect(async () => {
    await timeline.getByRole('button', { name: 'Read again' }).click();
    await expect(seen).not.toHaveCount(0, { timeout: 3000 }); // a row per camera that records
  }).toPass({ timeout: 60_000 });
  await page.getByTestId('timeline-canvas').screenshot({ path: 'test-results/screenshots/timeline-actual.png' });
  await env.client(0).call('recording/stop', {});
});
