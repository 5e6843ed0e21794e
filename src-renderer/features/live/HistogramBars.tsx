import type { LiveHistogram } from '../../../src-main/contract/requests/live';

/** The intensity histogram as bars, log-scaled so a few bright pixels still show. */
export function HistogramBars({ histogram, width = 256, height = 64 }: { histogram: LiveHistogram; width?: number; height?: number }) {
  const peak = Math.log1p(Math.max(1, ...histogram.bins));
  const barWidth = width / histogram.bins.length;
  return (
    <svg width={width} height={height} role="img" aria-label={`Histogram, mean level ${Math.round(histogram.mean * 100)} %`} data-testid="live-histogram">
      <rect width={width} height={height} fill="var(--mantine-color-dark-7)" />
      {histogram.bins.map((n, i) => {
        const h = (Math.log1p(n) / peak) * height;
        const last = i === histogram.bins.length - 1;
        return <rect key={i} x={i * barWidth} y={height - h} width={Math.max(1, barWidth - 0.5)} height={h} fill={last && n > 0 ? 'var(--mantine-color-red-6)' : 'var(--mantine-color-gray-4)'} />;
      })}
    </svg>
  );
}
