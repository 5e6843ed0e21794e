import { z } from 'zod';
import { BAYER_FORMATS } from '../../../src-shared/bayer';

/** The pixel layouts the live view draws (Motif's streams send numpy arrays: dtype and shape say which). */
export const LivePixelFormat = z.enum(['mono8', 'mono16', ...BAYER_FORMATS, 'rgb8']);
export type LivePixelFormat = z.infer<typeof LivePixelFormat>;

export const LiveFrame = z.object({
  frameNumber: z.number(),
  /** Unix seconds on the rig's clock, when the stream says. */
  frameTime: z.number().nullable(),
  /** Unix ms when the core received the frame (for latency figures). */
  receivedAtMs: z.number(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  pixelFormat: LivePixelFormat,
  /** Row by row, no padding; mono16 little-endian, rgb8 interleaved. */
  pixels: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'pixels must be bytes'),
  /** 1 for full frames; n when each pixel stands for n x n of the camera's (previews, fitted views). */
  binning: z.number().int().positive(),
  /** The camera's own format: a binned Bayer mosaic travels as RGB. */
  cameraPixelFormat: LivePixelFormat,
});
export type LiveFrame = z.infer<typeof LiveFrame>;

export const HISTOGRAM_BINS = 64;

/** Intensity histogram of a whole frame: what exposure is set by. */
export const LiveHistogram = z.object({
  /** HISTOGRAM_BINS counts over the full range of the format's levels, darkest first. */
  bins: z.array(z.number().int()),
  /** Share of the pixels at the top of the range (saturated). */
  saturated: z.number(),
  /** Mean level, 0..1 of the range. */
  mean: z.number(),
  /** The brightest level found. */
  max: z.number(),
  /** The level that is white: 255 for 8 bits; for mono16, the top of the bits the camera uses (4095 for 12 bits), found from `max`. */
  range: z.number().int(),
});
export type LiveHistogram = z.infer<typeof LiveHistogram>;

/** The camera's state stream (topic `j`): replaces polling while the camera is watched. */
export const LiveCameraState = z.object({
  frameNumber: z.number().nullable(),
  isRecording: z.boolean().nullable(),
  /** Unix ms when the core last heard it. */
  atMs: z.number(),
});
export type LiveCameraState = z.infer<typeof LiveCameraState>;

/** Counts since this watch began. */
export const LiveStats = z.object({
  /** Frames the core received from the stream. */
  received: z.number().int(),
  /** Frames this window was given. */
  delivered: z.number().int(),
  /** Frames received but replaced by a newer one before the window asked (latest frame wins). */
  replaced: z.number().int(),
  /** Frame numbers that never arrived (missed by the rig, the network, or dealt to another reader). */
  missed: z.number().int(),
});
export type LiveStats = z.infer<typeof LiveStats>;

/** Something about the stream a person should know, in words. */
export const LiveNotice = z.object({
  code: z.enum(['shared-stream', 'no-frames', 'rig-unreachable', 'falling-behind']),
  message: z.string(),
});
export type LiveNotice = z.infer<typeof LiveNotice>;

export const LiveWatchArgs = z.object({
  rigId: z.string().min(1),
  serial: z.string().min(1),
  /** 'preview': binned small frames at a low rate, for the wall of cameras. */
  mode: z.enum(['full', 'preview']).default('full'),
});

const LiveWatch = z.object({ watchId: z.string(), endpoints: z.object({ image: z.string(), state: z.string() }) });
type LiveWatch = z.infer<typeof LiveWatch>;

export const liveRequests = {
  /** Opens the camera's streams (shared by every watcher of the camera) and returns a watch id. */
  'live.watch': {
    args: LiveWatchArgs,
    result: LiveWatch,
    /**
     * A watch belongs to the window that opened it: when that window's connection ends (closed,
     * reloaded, crashed) without unwatching, its transport ends the watch, so the stream closes.
     */
    release: { request: 'live.unwatch', args: (watch: LiveWatch) => ({ watchId: watch.watchId }) },
  },
  /** Ends a watch; the streams close when the camera's last watcher leaves. */
  'live.unwatch': { args: z.object({ watchId: z.string().min(1) }), result: z.object({ closed: z.boolean() }) },
  /**
   * The newest frame this watcher has not had yet, waiting up to `waitMs` for one (null
   * when none came). The window asks again once it has drawn: one frame in flight per watcher.
   */
  'live.frame': {
    args: z.object({
      watchId: z.string().min(1),
      waitMs: z.number().int().min(0).max(5000).default(1000),
      /**
       * The width the window shows the image at, in device pixels: a larger frame is binned
       * down to it (whole n x n blocks), so what travels is what can be seen. Absent: whole
       * frames (1:1). Previews are binned to the wall's size whatever this says.
       */
      maxWidth: z.number().int().min(16).max(65536).optional(),
    }),
    result: z.object({
      frame: LiveFrame.nullable(),
      /** Of the whole frame before any binning, a few times a second; null in between. */
      histogram: LiveHistogram.nullable(),
      state: LiveCameraState.nullable(),
      stats: LiveStats,
      notice: LiveNotice.nullable(),
    }),
  },
} as const;
