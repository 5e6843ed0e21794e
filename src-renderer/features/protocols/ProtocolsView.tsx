import { useState } from 'react';
import type { Protocol } from '../../../src-main/core/protocols/model';
import { ProtocolEditor } from './ProtocolEditor';
import { ProtocolList } from './ProtocolList';

/** The Protocols area: the saved protocols, or one of them (or a new one) in the editor. */
export function ProtocolsView() {
  const [editing, setEditing] = useState<{ draft: Protocol; saved: boolean } | null>(null);
  if (editing) return <ProtocolEditor initial={editing.draft} saved={editing.saved} onClose={() => setEditing(null)} />;
  return <ProtocolList onEdit={(draft) => setEditing({ draft, saved: true })} onNew={() => setEditing({ draft: emptyProtocol(), saved: false })} />;
}

const emptyProtocol = (): Protocol => ({ version: 1, name: '', parameters: {}, recordings: [], actions: [] });
