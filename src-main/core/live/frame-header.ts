import { z } from 'zod';
import { BAYER_FORMATS, BAYER_PATTERNS, type BayerFormat } from '../../../src-shared/bayer';
import type { LivePixelFormat } from '../../contract/requests/live';

/** The image stream's first message part (numpy's dtype and shape, plus what Motif adds); read leniently. */
const Header = z.looseObject({
  dtype: z.string(),
  shape: z.array(z.number().int().positive()),
  frame_number: z.number().optional(),
  frame_time: z.number().optional(),
  /** GenICam's name, when the rig says (BayerRG8 ...): a 2-D uint8 array may be a Bayer mosaic. */
  pixel_format: z.string().optional(),
});

export interface FrameLayout {
  width: number;
  height: number;
  pixelFormat: LivePixelFormat;
  frameNumber: number | null;
  frameTime: number | null;
}

/** Bytes per pixel of each layout (a mosaic has one per site). */
function bytesPerPixel(format: LivePixelFormat): number {
  return format === 'rgb8' ? 3 : format === 'mono16' ? 2 : 1;
}

/** Reads a header and checks the pixel part against it; throws a sentence when they do not fit together. */
export function readFrameHeader(headerBytes: Uint8Array, pixelBytes: number): FrameLayout {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(headerBytes).toString('utf8'));
  } catch {
    throw new Error('the frame header is not JSON');
  }
  const parsed = Header.safeParse(json);
  if (!parsed.success) throw new Error('the frame header lacks dtype or shape');
  const h = parsed.data;
  const [height, width, channels] = h.shape;
  if (height === undefined || width === undefined || h.shape.length > 3) throw new Error(`unsupported frame shape [${h.shape.join(', ')}]`);
  const pixelFormat = formatOf(h.dtype, channels, h.pixel_format);
  const expected = width * height * bytesPerPixel(pixelFormat);
  if (pixelBytes !== expected) throw new Error(`the frame has ${pixelBytes} bytes of pixels, its header says ${expected}`);
  return { width, height, pixelFormat, frameNumber: h.frame_number ?? null, frameTime: h.frame_time ?? null };
}

function formatOf(dtype: string, channels: number | undefined, pixelFormat: string | undefined): LivePixelFormat {
  const type = dtype.replace(/^[<>|=]/, '');
  if ((type === 'uint8' || type === 'u1') && channels === 3) return 'rgb8';
  if ((type === 'uint8' || type === 'u1') && channels === undefined) return bayerFormat(pixelFormat) ?? 'mono8';
  if ((type === 'uint16' || type === 'u2') && channels === undefined) return 'mono16';
  throw new Error(`unsupported pixels: dtype ${dtype}${channels === undefined ? '' : ` with ${channels} channels`}`);
}

/** The Bayer mosaic a GenICam pixel format names (BayerBG8 ...), if it names one. */
function bayerFormat(pixelFormat: string | undefined): BayerFormat | undefined {
  const name = pixelFormat?.toLowerCase();
  return BAYER_FORMATS.find((f) => BAYER_PATTERNS[f].genicam.toLowerCase() === name);
}
