import { expect, test, type Locator, type Page } from '@playwright/test';
import { openRigTab, screenshot, startPanelsEnv, type PanelsEnv } from './rig-panels-fixture';

let env: PanelsEnv;
test.beforeAll(async () => {
  test.setTimeout(240_000); // registers the rigs with motifctl, one process each
  env = await startPanelsEnv({ rigs: 2, streams: true, frame: { width: 640, height: 480, pixelFormat: 'mono8' } });
});
test.afterAll(async () => {
  await env?.stop();
});

const readers = (rig: number, serial: string) => env.fleet.rigs[rig]!.state.cameras[serial]!.streamReaders;
const view = (page: Page) => page.getByTestId('live-view');
const frameNumber = async (page: Page) => Number((await view(page).getAttribute('data-frame-number')) || -1);
const meanLevel = async (page: Page) => Number((await view(page).getAttribute('data-mean')) || -1);
const canvasPixels = (page: Page) => page.getByTestId('live-canvas').evaluate((c: { toDataURL(): string }) => c.toDataURL());

test('the Live tab shows the camera moving, frame numbers advancing, and closes the stream when left', async ({ page }) => {
  expect(readers(0, 'FAKE0')).toBe(0);
  await openRigTab(page, env, 0, 'Live');
  await expect.poll(() => frameNumber(page)).toBeGreaterThan(0);
  await expect.poll(() => readers(0, 'FAKE0')).toBe(1);
  const first = await frameNumber(page);
  const before = await canvasPixels(page);
  await expect.poll(() => frameNumber(page)).toBeGreaterThan(first + 5);
  expect(await canvasPixels(page)).not.toBe(before);
  await expect(page.getByTestId('live-overlay')).toContainText(/frame \d+ · shown [\d.]+ fps · received [\d.]+ · dropped [\d.]+/);
  await expect(page.getByTestId('live-overlay')).toContainText('640×480 mono8');
  await expect(page.getByTestId('live-overlay')).toContainText('not recording');
  // Where the latency went, for a lab asking whether lag is the network, the PC or the drawing.
  await expect(page.getByTestId('live-latency')).toHaveAttribute('title', /^Frame time to screen: rig to this app -?\d+ ms, app to window \d+ ms, window to screen \d+ ms$/);
  await page.setViewportSize({ width: 1280, height: 1120 }); // the image and its histogram
  await expect(page.getByTestId('live-histogram')).toBeVisible();
  await screenshot(page, 'live-view');

  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect.poll(() => readers(0, 'FAKE0')).toBe(0);
});

test('at 1280x800 the picture, the histogram with its axis and the fields read from the camera are on one screen', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openRigTab(page, env, 0, 'Live');
  await expect.poll(() => frameNumber(page)).toBeGreaterThan(0);
  const params = page.getByRole('region', { name: 'Camera FAKE0 parameters' });
  const fields = ['AcquisitionFrameRate (frames/s)', 'ExposureTime (µs)', 'Gain'].map((label) => params.getByLabel(label));
  // Read from the camera when the view opened: no button to press first.
  for (const field of fields) await expect(field).not.toHaveValue('');
  await expect(page.getByTestId('histogram-axis')).toContainText('0');
  await expect(page.getByTestId('histogram-axis')).toContainText('255');
  const onScreen = async (what: Locator) => {
    const box = (await what.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    return box;
  };
  const picture = await onScreen(page.getByTestId('live-canvas'));
  expect(picture.height).toBeGreaterThanOrEqual(360);
  await onScreen(page.getByTestId('live-histogram'));
  for (const field of fields) await onScreen(field);
  expect(await page.evaluate('window.scrollY')).toBe(0);
  await screenshot(page, 'live-view-1280x800');
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect.poll(() => readers(0, 'FAKE0')).toBe(0);
});

test('a narrow window gets frames binned to the width it shows them at; 1:1 gets every pixel', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 900 });
  await openRigTab(page, env, 0, 'Live');
  const overlay = page.getByTestId('live-overlay');
  await expect(overlay).toContainText('640×480 mono8 · binned 2×2 to fit (1:1 shows every pixel)');
  expect(await page.getByTestId('live-canvas').evaluate((c: { width: number }) => c.width)).toBe(320);
  await page.getByText('1:1', { exact: true }).click();
  await expect(overlay).toContainText('640×480 mono8');
  await expect(overlay).not.toContainText('binned');
  await expect.poll(() => page.getByTestId('live-canvas').evaluate((c: { width: number }) => c.width)).toBe(640);
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect.poll(() => readers(0, 'FAKE0')).toBe(0);
});

test('a window closed while it shows a camera closes the stream at once', async ({ context }) => {
  const page = await context.newPage();
  await openRigTab(page, env, 1, 'Live');
  await expect.poll(() => frameNumber(page)).toBeGreaterThan(0);
  await expect.poll(() => readers(1, 'FAKE2')).toBe(1);
  await page.close(); // no unwatch from the page: its connection ending is what closes the watch
  await expect.poll(() => readers(1, 'FAKE2'), { timeout: 5000 }).toBe(0);
});

test('the histogram follows an exposure change made beside the picture, and warns when pixels saturate', async ({ page }) => {
  await env.client(0).invoke('cameras.configure', { serial: 'FAKE1' }, { ExposureTime: 4000 });
  await openRigTab(page, env, 0, 'Live');
  await page.getByRole('combobox', { name: 'Camera', exact: true }).click();
  await page.getByRole('option', { name: 'FAKE1' }).click();
  await expect.poll(() => meanLevel(page)).toBeGreaterThan(0);
  const dark = await meanLevel(page);
  await expect(page.getByTestId('saturation-warning')).toBeHidden();
  // Set beside the picture: the values were read when the view opened; change, apply.
  const params = page.getByRole('region', { name: 'Camera FAKE1 parameters' });
  await expect(params.getByLabel('ExposureTime (µs)')).toHaveValue('4000');
  await params.getByLabel('ExposureTime (µs)').fill('30000');
  await params.getByRole('button', { name: 'Apply 1 change' }).click();
  await expect.poll(() => meanLevel(page)).toBeGreaterThan(dark * 2);
  await expect(page.getByTestId('saturation-warning')).toContainText('saturated: shorten the exposure or lower the gain');
  await env.client(0).invoke('cameras.configure', { serial: 'FAKE1' }, { ExposureTime: 10000 });
  // Switching cameras closed the first stream; leaving the tab closes the second (a closed
  // page would hold it until the core gives up on it).
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect.poll(() => readers(0, 'FAKE0') + readers(0, 'FAKE1')).toBe(0);
});

test('a camera row on the dashboard opens that camera live', async ({ page }) => {
  await page.goto(env.app.url);
  await page.getByRole('button', { name: 'Watch camera FAKE1 of Panel rig 1 live' }).click();
  await expect(page.getByRole('tab', { name: 'Live' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('combobox', { name: 'Camera', exact: true })).toHaveValue('FAKE1');
  await expect.poll(() => frameNumber(page)).toBeGreaterThan(0);
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect.poll(() => readers(0, 'FAKE1')).toBe(0);
});

/**
 * How far the canvas's colours are from the simulator's scene (green = 3/4 of red, blue = the
 * inverse of red), read as drawn and with red and blue swapped: a mosaic read in the wrong
 * order comes out with red and blue swapped.
 */
const colourErrors = (page: Page): Promise<{ drawn: number; swapped: number }> =>
  // In the page, as text: these tests are type-checked without the DOM's types.
  page.evaluate(`(() => {
    const c = document.querySelector('[data-testid=live-canvas]');
    const copy = document.createElement('canvas');
    copy.width = c.width;
    copy.height = c.height;
    const context = copy.getContext('2d');
    context.drawImage(c, 0, 0);
    const { data } = context.getImageData(0, Math.floor(c.height / 4), c.width, Math.floor(c.height / 2)); // below the frame-number blocks
    let drawn = 0;
    let swapped = 0;
    for (let i = 0; i < data.length; i += 4) {
      drawn += Math.abs(data[i + 1] - 0.75 * data[i]);
      swapped += Math.abs(data[i + 1] - 0.75 * data[i + 2]);
    }
    return { drawn: drawn / (data.length / 4), swapped: swapped / (data.length / 4) };
  })()`);

test('a colour camera shows its colours in any Bayer order, binned in the core or demosaiced in the page', async ({ page }) => {
  const rig = env.fleet.rigs[1]!;
  const isRight = async () => {
    const e = await colourErrors(page);
    return e.drawn < 20 && e.swapped > 60;
  };
  await page.setViewportSize({ width: 900, height: 900 });
  try {
    // Red on the second row and first column, then on the first row and second: x and y apart.
    for (const pixelFormat of ['bayer_bggr8', 'bayer_grbg8'] as const) {
      rig.setFrameFormat({ width: 640, height: 480, pixelFormat });
      await openRigTab(page, env, 1, 'Live');
      const overlay = page.getByTestId('live-overlay');
      await expect(overlay).toContainText(`640×480 ${pixelFormat} · binned 2×2 to fit`);
      await expect.poll(isRight).toBe(true);
      await page.getByText('1:1', { exact: true }).click();
      await expect(overlay).not.toContainText('binned');
      await expect(page.getByRole('checkbox', { name: 'Raw Bayer mosaic' })).toBeVisible();
      await expect.poll(isRight).toBe(true);
      await page.getByRole('tab', { name: 'Overview' }).click();
    }
  } finally {
    rig.setFrameFormat({ width: 640, height: 480, pixelFormat: 'mono8' });
  }
});

test('the wall shows every camera of the rigs with its state, and a click opens the full view', async ({ page }) => {
  await page.goto(env.app.url);
  await page.getByRole('navigation', { name: 'Areas' }).getByText('Wall of cameras', { exact: true }).click();
  const tiles = page.getByTestId('wall-tile');
  await expect(tiles).toHaveCount(4);
  for (const serial of ['FAKE0', 'FAKE1', 'FAKE2', 'FAKE3']) {
    await expect.poll(async () => Number((await page.locator(`[data-testid=wall-tile][data-serial=${serial}]`).getAttribute('data-frame-number')) || -1)).toBeGreaterThan(0);
  }
  await expect(tiles.first()).toContainText('idle');
  // Each tile's state is of its own preview: a camera that starts recording says so on its tile.
  await env.client(1).call('camera/FAKE2/recording/start', { filename: 'wall_state' });
  try {
    await expect(page.locator('[data-testid=wall-tile][data-serial=FAKE2]')).toContainText('recording');
    await expect(page.locator('[data-testid=wall-tile][data-serial=FAKE3]')).toContainText('idle');
  } finally {
    await env.client(1).call('camera/FAKE2/recording/stop', {});
  }
  await expect(page.locator('[data-testid=wall-tile][data-serial=FAKE2]')).toContainText('idle');
  // Tiles keep moving; each preview connects only to take its frame.
  const tileFrame = async () => Number((await page.locator('[data-testid=wall-tile][data-serial=FAKE3]').getAttribute('data-frame-number')) || -1);
  const shown = await tileFrame();
  await expect.poll(tileFrame).toBeGreaterThan(shown);
  await screenshot(page, 'camera-wall');
  await page.getByRole('button', { name: 'Open camera FAKE3 of Panel rig 2 live' }).click();
  await expect(page.getByRole('tab', { name: 'Live' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('live-overlay')).toContainText('640×480 mono8');
  await expect(page.getByRole('combobox', { name: 'Camera', exact: true })).toHaveValue('FAKE3');
  // The wall's other streams closed with it.
  await expect.poll(() => readers(0, 'FAKE0') + readers(0, 'FAKE1') + readers(1, 'FAKE2')).toBe(0);
});
