import type { LiveCameraState, LiveFrame, LiveHistogram } from '../../contract/requests/live';
import type { StreamEndpoints } from './stream-endpoints';

/** A frame as the receiver keeps it: the contract's frame plus its place in the arrival order. */
export interface ReceivedFrame extends LiveFrame {
  /** 1, 2, 3 ... in order of arrival; watchers ask for anything after the last one they had. */
  seq: number;
}

/** Everything one pull answers: the frame (or none) and what is known about the stream now. */
export interface Pulled {
  frame: ReceivedFrame | null;
  /** The newest arrival's seq (0: none yet), so a watcher can count what it never saw. */
  latestSeq: number;
  state: LiveCameraState | null;
  /** Frame numbers that never arrived, since the receiver opened. */
  missed: number;
  /** Readers sharing the image stream (2+), when the arrival pattern shows it. */
  sharedBy: number | null;
  /** Unix ms of the last frame, null before the first. */
  lastFrameAtMs: number | null;
  /** Why frames do not come, in a sentence, if known (a stream that cannot be connected to or read). */
  problem: string | null;
  /** Of the given frame before binning, when asked for. */
  histogram: LiveHistogram | null;
}

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
