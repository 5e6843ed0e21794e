import { Alert, Box, Checkbox, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { LiveFrame } from '../../../src-main/contract/requests/live';
import { isBayer } from '../../../src-shared/bayer';
import { SATURATION_WARN_SHARE } from '../../../src-shared/saturation';
import { ErrorNote } from '../../ui/ErrorNote';
import type { LatencyStages } from './frame-pacer';
import { FrameRenderer } from './frame-renderer';
import { HistogramBars } from './HistogramBars';
import { useLiveStream } from './use-live-stream';

const fps = (n: number) => n.toFixed(1);
/**
 * The window's height above and below a fitted image (the app's header, the rig's name and
 * tabs, the controls above the image, margins): the image takes the rest, so at 1280x800 the
 * picture, the histogram and the camera's fields beside it are on one screen.
 */
const AROUND_IMAGE_PX = 290;
/** The column beside the image: histogram and the camera's fields. */
const SIDE_WIDTH = 300;
const fitHeightPx = () => Math.max(160, window.innerHeight - AROUND_IMAGE_PX);

/** The width, in device pixels, the camera's image takes when fitted into `box`. */
function fittedWidth(box: HTMLElement, frame: LiveFrame | null): number {
  let width = box.clientWidth;
  if (frame) width = Math.min(width, (fitHeightPx() * frame.width) / frame.height); // binning keeps the shape
  return Math.max(16, Math.round(width * (window.devicePixelRatio || 1)));
}

/**
 * One camera, live: the image, what arrives and is shown, and beside it the histogram exposure
 * is set by, above `side` (the camera's fields).
 */
export function LiveView({ rigId, serial, side }: { rigId: string; serial: string; side?: ReactNode }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rendererRef = useRef<FrameRenderer | null>(null);
  const [drawError, setDrawError] = useState<string | null>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState<'fit' | '1:1'>('fit');
  const [rawBayer, setRawBayer] = useState(false);
  const options = useRef({ rawBayer, mono16Max: 65535 });
  options.current.rawBayer = rawBayer;
  // Fitted, the core bins frames down to the width they are shown at; 1:1 (and a raw mosaic) needs every pixel.
  const wholeFrames = zoom === '1:1' || rawBayer;

  const draw = useCallback((frame: LiveFrame) => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    try {
      rendererRef.current ??= new FrameRenderer(canvas);
      rendererRef.current.draw(frame, options.current);
    } catch (e) {
      setDrawError((e as Error).message);
    }
  }, []);
  const maxWidth = useCallback(
    (last: LiveFrame | null) => {
      const box = boxRef.current;
      if (wholeFrames || !box) return undefined;
      return fittedWidth(box, last);
    },
    [wholeFrames],
  );
  const { summary, error, latest, histogram } = useLiveStream(rigId, serial, 'full', draw, maxWidth);

  useEffect(() => () => rendererRef.current?.dispose(), []);
  // mono16 is scaled to the bits the camera uses, as the core's histogram finds them.
  useEffect(() => {
    if (histogram && latest.current?.pixelFormat === 'mono16') options.current.mono16Max = histogram.range;
  }, [histogram, latest]);

  const frame = latest.current;
  const recording = summary?.state?.isRecording;
  return (
    <Stack
      gap="xs"
      data-testid="live-view"
      data-frame-number={summary?.frameNumber ?? ''}
      data-mean={histogram ? histogram.mean.toFixed(4) : ''}
      data-shown-fps={summary ? fps(summary.shownPerSecond) : ''}
      data-received-fps={summary ? fps(summary.receivedPerSecond) : ''}
      data-dropped-fps={summary ? fps(summary.droppedPerSecond) : ''}
      data-latency-ms={summary?.latency?.totalMs ?? ''}
      data-latency-rig-ms={summary?.latency?.rigToAppMs ?? ''}
      data-latency-app-ms={summary?.latency?.appToWindowMs ?? ''}
      data-latency-window-ms={summary?.latency?.windowToScreenMs ?? ''}
    >
      {error && <ErrorNote error={error} />}
      {drawError && (
        <Text role="alert" c="red" size="sm">
          {drawError}
        </Text>
      )}
      {summary?.notice && (
        <Alert color="yellow" data-code={summary.notice.code} py="xs">
          {summary.notice.message}
        </Alert>
      )}
      <Group gap="md" wrap="wrap">
        <SegmentedControl size="xs" value={zoom} onChange={(v) => setZoom(v === '1:1' ? '1:1' : 'fit')} data={[{ label: 'Fit', value: 'fit' }, { label: '1:1', value: '1:1' }]} aria-label="Zoom" />
        {frame && isBayer(frame.cameraPixelFormat) && <Checkbox size="xs" label="Raw Bayer mosaic" checked={rawBayer} onChange={(e) => setRawBayer(e.currentTarget.checked)} />}
        <Text size="sm" ff="monospace" data-testid="live-overlay">
          {summary?.frameNumber !== null && summary?.frameNumber !== undefined ? `frame ${summary.frameNumber}` : error ? 'no stream' : 'waiting for frames…'}
          {summary && ` · shown ${fps(summary.shownPerSecond)} fps · received ${fps(summary.receivedPerSecond)} · dropped ${fps(summary.droppedPerSecond)}`}
          {summary?.latency && <LatencyText latency={summary.latency} />}
          {recording !== undefined && recording !== null && ` · ${recording ? 'recording' : 'not recording'}`}
          {frame && ` · ${frame.width * frame.binning}×${frame.height * frame.binning} ${frame.cameraPixelFormat}`}
          {frame && frame.binning > 1 && ` · binned ${frame.binning}×${frame.binning} to fit (1:1 shows every pixel)`}
        </Text>
      </Group>
      <Group align="flex-start" gap="md" wrap="nowrap">
        <Box
          ref={boxRef}
          style={{ flex: 1, minWidth: 0, overflow: 'auto', maxHeight: zoom === '1:1' ? `calc(100vh - ${AROUND_IMAGE_PX}px)` : undefined, background: 'black' }}
        >
          <canvas
            ref={canvasRef}
            data-testid="live-canvas"
            aria-label={`Live image of camera ${serial}`}
            style={
              zoom === 'fit'
                ? { width: '100%', maxHeight: `max(160px, calc(100vh - ${AROUND_IMAGE_PX}px))`, objectFit: 'contain', display: 'block' }
                : { display: 'block', imageRendering: 'pixelated' }
            }
          />
        </Box>
        <Stack gap="xs" w={SIDE_WIDTH} style={{ flexShrink: 0 }}>
          {histogram ? (
            <Stack gap={2}>
              <HistogramBars histogram={histogram} width={SIDE_WIDTH} />
              <Text size="xs" c="dimmed">
                mean level {Math.round(histogram.mean * 100)} %
              </Text>
              {histogram.saturated > SATURATION_WARN_SHARE && (
                <Text size="sm" c="red" role="status" data-testid="saturation-warning">
                  {(histogram.saturated * 100).toFixed(1)} % of pixels are saturated: shorten the exposure or lower the gain.
                </Text>
              )}
            </Stack>
          ) : (
            <Text size="xs" c="dimmed">
              Histogram when frames arrive.
            </Text>
          )}
          {side}
        </Stack>
      </Group>
    </Stack>
  );
}

/** The latency, with where it went on hover. */
function LatencyText({ latency }: { latency: LatencyStages }) {
  const ms = (n: number) => `${Math.round(n)} ms`;
  const stages = [
    latency.rigToAppMs !== null ? `rig to this app ${ms(latency.rigToAppMs)}` : null,
    `app to window ${ms(latency.appToWindowMs)}`,
    `window to screen ${ms(latency.windowToScreenMs)}`,
  ];
  return (
    <span title={`Frame time to screen: ${stages.filter(Boolean).join(', ')}`} data-testid="live-latency">
      {` · latency ${ms(latency.totalMs)}`}
    </span>
  );
}
