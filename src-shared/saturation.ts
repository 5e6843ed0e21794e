/**
 * The share of saturated pixels above which the live view warns: a few bright specks are
 * normal, half a percent of the image at the top level means detail is being lost.
 */
export const SATURATION_WARN_SHARE = 0.005;
