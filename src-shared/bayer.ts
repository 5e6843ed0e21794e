/** The Bayer mosaics the live view draws, by the names the contract's pixel formats use. */
export const BAYER_FORMATS = ['bayer_rggb8', 'bayer_grbg8', 'bayer_gbrg8', 'bayer_bggr8'] as const;
export type BayerFormat = (typeof BAYER_FORMATS)[number];

/**
 * Where red sits in each 2 x 2 cell of a mosaic (x, y; blue is diagonal to it, green on the
 * other two), and the camera's GenICam name, which tells a 2-D uint8 array is a mosaic.
 * The core bins them, the page demosaics them, the simulator draws them.
 */
export const BAYER_PATTERNS: Record<BayerFormat, { genicam: string; red: readonly [0 | 1, 0 | 1] }> = {
  bayer_rggb8: { genicam: 'BayerRG8', red: [0, 0] },
  bayer_grbg8: { genicam: 'BayerGR8', red: [1, 0] },
  bayer_gbrg8: { genicam: 'BayerGB8', red: [0, 1] },
  bayer_bggr8: { genicam: 'BayerBG8', red: [1, 1] },
};

export function isBayer(format: string): format is BayerFormat {
  return Object.hasOwn(BAYER_PATTERNS, format);
}
