import { z } from 'zod';
import { LiveCameraState, LiveFrame, LiveHistogram } from '../../contract/requests/live';
import type { StreamEndpoints } from './stream-endpoints';

/** A frame as the receiver keeps it: the contract's frame plus its place in the arrival order. */
export const ReceivedFrame = LiveFrame.extend({
  /** 1, 2, 3 ... in order of arrival; watchers ask for anything after the last one they had. */
  seq: z.number(),
});
export type ReceivedFrame = z.infer<typeof ReceivedFrame>;

/**
 * Everything one pull answers: the frame (or none) and what is known about the stream now.
 * A schema, as it also crosses from Electron's utility process.
 */
export const Pulled = z.object({
  frame: ReceivedFrame.nullable(),
  /** The newest arrival's seq (0: none yet), so a watcher can count what it never saw. */
  latestSeq: z.number(),
  state: LiveCameraState.nullable(),
  /** Frame numbers that never arrived, since the receiver opened. */
  missed: z.number(),
  /** Readers sharing the image stream (2+), when the arrival pattern shows it. */
  sharedBy: z.number().nullable(),
  /** Unix ms of the last frame, null before the first. */
  lastFrameAtMs: z.number().nullable(),
  /** Why frames do not come, in a sentence, if known (a stream that cannot be connected to or read). */
  problem: z.string().nullable(),
  /** Of the given frame before binning, when asked for. */
  histogram: LiveHistogram.nullable(),
  /** Unix ms when a queue of frames the rig kept for this app was last dropped (this PC read slower than the camera sent), or null. */
  lastBacklogAtMs: z.number().nullable(),
});
export type Pulled = z.infer<typeof Pulled>;

export interface PullOptions {
  /** Give a frame with seq greater than this. */
  afterSeq: number;
  waitMs: number;
  /** Bin the frame down to at most this width (previews, fitted views); full size when absent. */
  maxWidth?: number;
  /** Also the histogram of the frame given, taken before binning. */
  histogram?: boolean;
  /**
   * Read every frame as it comes (a full view: counts and a second reader are seen), rather
   * than only when asked (previews: a few frames a second cost a few frames' reading, not all).
   */
  continuous: boolean;
}

/** One camera's open streams, in this process or in another one. */
export interface Receiver {
  pull(options: PullOptions): Promise<Pulled>;
  close(): Promise<void>;
}

export type OpenReceiver = (endpoints: StreamEndpoints) => Receiver;
