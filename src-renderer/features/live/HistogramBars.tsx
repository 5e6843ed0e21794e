import type { LiveHistogram } from '../../../src-main/contract/requests/live';

/** Room under the bars for the level axis. */
const AXIS_HEIGHT = 16;

/**
 * The intensity histogram as bars, log-scaled so a few bright pixels still show, over an axis
 * of the camera's levels (0 to the level that is white), so "where the pixels are" reads as a
 * level to set exposure and gain by.
 */
export function HistogramBars({ histogram, width = 256, height = 64 }: { histogram: LiveHistogram; width?: number; height?: number }) {
  const peak = Math.log1p(Math.max(1, ...histogram.bins));
  const barWidth = width / histogram.bins.length;
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const label = (share: number) => String(Math.round(share * histogram.range));
  return (
    <svg
      width={width}
      height={height + AXIS_HEIGHT}
      role="img"
      aria-label={`Histogram of levels 0 to ${histogram.range}, mean level ${Math.round(histogram.mean * 100)} %`}
      data-testid="live-histogram"
    >
      <rect width={width} height={height} fill="var(--mantine-color-dark-7)" />
      {histogram.bins.map((n, i) => {
        const h = (Math.log1p(n) / peak) * height;
        const last = i === histogram.bins.length - 1;
        return <rect key={i} x={i * barWidth} y={height - h} width={Math.max(1, barWidth - 0.5)} height={h} fill={last && n > 0 ? 'var(--mantine-color-red-6)' : 'var(--mantine-color-gray-4)'} />;
      })}
      <g data-testid="histogram-axis" fontSize={10} fill="var(--mantine-color-dimmed)" stroke="var(--mantine-color-dimmed)">
        {ticks.map((share) => (
          <line key={share} x1={share * (width - 1) + 0.5} x2={share * (width - 1) + 0.5} y1={height} y2={height + 3} />
        ))}
        {[0, 0.5, 1].map((share) => (
          <text key={share} x={share * width} y={height + AXIS_HEIGHT - 2} stroke="none" textAnchor={share === 0 ? 'start' : share === 1 ? 'end' : 'middle'}>
            {label(share)}
          </text>
        ))}
      </g>
    </svg>
  );
}
