/**
 * A camera as people name it: its own name, with the serial beside it unless the name says it
 * already. Without a name of its own it is "camera FAKE0" in a sentence, "Camera FAKE0" where
 * it stands alone, or the bare serial as a label beside the rig's name.
 */
export function cameraName(camera: { name: string | null; serial: string }, without: 'sentence' | 'title' | 'label' = 'sentence'): string {
  const { name, serial } = camera;
  if (name && name !== serial) return name.includes(serial) ? name : `${name} (${serial})`;
  return without === 'label' ? serial : `${without === 'title' ? 'Camera' : 'camera'} ${serial}`;
}
