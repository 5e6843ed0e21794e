/** Parameters most cameras have, labelled by their own name and unit; any other name can be typed. */
export const COMMON_PARAMETERS = [
  { name: 'AcquisitionFrameRate', label: 'AcquisitionFrameRate (frames/s)' },
  { name: 'ExposureTime', label: 'ExposureTime (µs)' },
  { name: 'Gain', label: 'Gain' },
  { name: 'Width', label: 'Width (px)' },
  { name: 'Height', label: 'Height (px)' },
] as const;
