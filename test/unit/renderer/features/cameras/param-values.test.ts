import { describe, expect, it } from 'vitest';
import { commonValue, readingFor } from '../../../../../src-renderer/features/cameras/param-values';

describe('reading camera parameters from rig answers', () => {
  it('takes one camera ({value}) and all cameras ({values}) keyed by parameter', () => {
    expect(readingFor({ Gain: { name: 'Gain', value: 3 } }, 'Gain')).toEqual({ '': 3 });
    expect(readingFor({ Gain: { values: { FAKE0: 1, FAKE1: 2 } } }, 'Gain')).toEqual({ FAKE0: 1, FAKE1: 2 });
  });

  it('takes a single raw answer and a bare value', () => {
    expect(readingFor({ name: 'Gain', value: 7 }, 'Gain')).toEqual({ '': 7 });
    expect(readingFor({ Width: 640 }, 'Width')).toEqual({ '': 640 });
    expect(readingFor({ Width: 640 }, 'Height')).toBeUndefined();
  });

  it('fills a field only with a value every camera shares', () => {
    expect(commonValue({ FAKE0: 5, FAKE1: 5 })).toBe(5);
    expect(commonValue({ FAKE0: 5, FAKE1: 6 })).toBeUndefined();
    expect(commonValue(undefined)).toBeUndefined();
  });
});
