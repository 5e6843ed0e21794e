import { describe, expect, it } from 'vitest';
import { withoutLeadingRigName } from '../../../../src-renderer/ui/outcome-words';

describe('result lines', () => {
  it('say "The rig" where a message would repeat the rig name the line starts with', () => {
    expect(withoutLeadingRigName('rig-1 is offline.', 'rig-1')).toBe('The rig is offline.');
    expect(withoutLeadingRigName("rig-1's task list could not be read first.", 'rig-1')).toBe("The rig's task list could not be read first.");
    expect(withoutLeadingRigName('rig-1: no answer.', 'rig-1')).toBe('No answer.');
  });

  it('leave other messages alone, including names that merely start alike', () => {
    expect(withoutLeadingRigName('rig-10 is offline.', 'rig-1')).toBe('rig-10 is offline.');
    expect(withoutLeadingRigName('The rig at 10.0.0.5:6083 did not stop recording on all cameras.', 'rig-1')).toBe('The rig at 10.0.0.5:6083 did not stop recording on all cameras.');
  });
});
