import { NumberInput } from '@mantine/core';
import { useState } from 'react';
import { FIRST_RELATIVE_SECOND, SHIFTED_TO_FIRST_SECOND } from '../../src-shared/camera-relative';

/**
 * Seconds after a recording start. The rig never runs a camera-relative task at the start
 * itself, so an offset below the first second it can run at is moved there when the field
 * is left, and the field says so until it is edited again.
 */
export function SecondsAfterStartInput({
  label,
  value,
  onChange,
  error,
  w,
}: {
  label: string;
  /** NaN or '' while empty. */
  value: number | string;
  onChange(v: number | string): void;
  error?: string | undefined;
  w: number;
}) {
  const [moved, setMoved] = useState(false);
  return (
    <NumberInput
      label={label}
      w={moved ? Math.max(w, 300) : w}
      min={FIRST_RELATIVE_SECOND}
      allowDecimal={false}
      allowNegative={false}
      clampBehavior="none"
      value={value}
      onChange={(v) => {
        setMoved(false);
        onChange(v);
      }}
      onBlur={() => {
        if (typeof value === 'number' && value < FIRST_RELATIVE_SECOND) {
          onChange(FIRST_RELATIVE_SECOND);
          setMoved(true);
        }
      }}
      description={moved ? SHIFTED_TO_FIRST_SECOND : undefined}
      descriptionProps={{ c: 'orange' }}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      error={error}
      data-moved={moved || undefined}
    />
  );
}
