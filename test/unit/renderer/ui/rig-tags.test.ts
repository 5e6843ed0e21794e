import { describe, expect, it } from 'vitest';
import { tagsBesideBadges } from '../../../../src-renderer/ui/rig-tags';

describe('tags beside the badges', () => {
  it('leave out a "simulated" tag on a simulated rig, whose badge already says it', () => {
    expect(tagsBesideBadges({ simulated: true, tags: ['Simulated', 'lab-1'] })).toEqual(['lab-1']);
    expect(tagsBesideBadges({ simulated: false, tags: ['simulated', 'lab-1'] })).toEqual(['simulated', 'lab-1']);
  });
});
