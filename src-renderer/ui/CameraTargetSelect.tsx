import { Select } from '@mantine/core';

/** The select value for "every camera of the rig" (the rig-wide endpoint). */
export const ALL_CAMERAS = '';

/** Choose the whole rig or one of its cameras; `value` is a serial or ALL_CAMERAS. */
export function CameraTargetSelect({
  serials,
  value,
  onChange,
  label = 'Camera',
  allLabel = 'All cameras',
}: {
  serials: readonly string[];
  value: string;
  onChange(serial: string): void;
  label?: string;
  allLabel?: string;
}) {
  const data = [{ value: ALL_CAMERAS, label: allLabel }, ...serials.map((s) => ({ value: s, label: `Camera ${s}` }))];
  return (
    <Select
      label={label}
      data={data}
      value={value}
      onChange={(v) => onChange(v ?? ALL_CAMERAS)}
      allowDeselect={false}
      w={260}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
