import { Badge, Group, Paper, Text, UnstyledButton } from '@mantine/core';
import { useCallback, useRef } from 'react';
import type { LiveFrame } from '../../../src-main/contract/requests/live';
import { previewRgba } from './preview-pixels';
import { useLiveStream } from './use-live-stream';

/** Previews are scaled so this level is white: mono16 cameras mostly use 12 bits. */
const PREVIEW_MONO16_MAX = 4095;

/** One camera of the wall: a binned preview a couple of times a second and its recording state. */
export function WallTile({ rigId, rigName, serial, onOpen }: { rigId: string; rigName: string; serial: string; onOpen(): void }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  /** Kept from frame to frame: a new one per frame cost more than filling it. */
  const imageRef = useRef<ImageData | null>(null);
  const draw = useCallback((frame: LiveFrame) => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    if (canvas.width !== frame.width || canvas.height !== frame.height) {
      canvas.width = frame.width;
      canvas.height = frame.height;
    }
    let image = imageRef.current;
    if (!image || image.width !== frame.width || image.height !== frame.height) image = imageRef.current = new ImageData(frame.width, frame.height);
    previewRgba(frame, PREVIEW_MONO16_MAX, image.data);
    context.putImageData(image, 0, 0);
  }, []);
  const { summary, error } = useLiveStream(rigId, serial, 'preview', draw);
  const recording = summary?.state?.isRecording;
  return (
    <Paper withBorder p={4} radius="sm" data-testid="wall-tile" data-serial={serial} data-frame-number={summary?.frameNumber ?? ''}>
      <UnstyledButton onClick={onOpen} aria-label={`Open camera ${serial} of ${rigName} live`} style={{ display: 'block', width: '100%' }}>
        <canvas ref={canvasRef} style={{ width: '100%', aspectRatio: '4 / 3', objectFit: 'contain', background: 'black', display: 'block' }} />
      </UnstyledButton>
      <Group justify="space-between" gap={4} mt={4} wrap="nowrap">
        <Text size="xs" truncate>
          {rigName} · {serial}
        </Text>
        {recording === true && (
          <Badge size="xs" color="red">
            recording
          </Badge>
        )}
        {recording === false && (
          <Badge size="xs" color="gray" variant="light">
            idle
          </Badge>
        )}
      </Group>
      {(error ?? summary?.notice) && (
        <Text size="xs" c={error ? 'red' : 'yellow'} lineClamp={2} title={(error ?? summary?.notice)?.message}>
          {(error ?? summary?.notice)?.message}
        </Text>
      )}
    </Paper>
  );
}
