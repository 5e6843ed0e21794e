import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import { Finder } from './Finder';
import { SHORTCUTS } from './shortcuts';
import { ShortcutsList } from './ShortcutsList';

/** The window-wide shortcuts of the table and the two dialogs they open. */
export function KeyboardLayer() {
  const [open, setOpen] = useState<'finder' | 'shortcuts' | null>(null);
  // The finder opens from inside a text field too; "?" there is just a character.
  useHotkeys([[SHORTCUTS.finder.hotkey, () => setOpen('finder')]], []);
  useHotkeys([[SHORTCUTS.shortcuts.hotkey, () => setOpen('shortcuts')]]);
  const close = () => setOpen(null);
  if (open === 'finder') return <Finder onClose={close} />;
  if (open === 'shortcuts') return <ShortcutsList onClose={close} />;
  return null;
}
