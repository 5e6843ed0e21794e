import { Button, Menu } from '@mantine/core';
import type { MotifError } from '../../../src-main/contract/errors';
import type { Args } from '../../../src-main/contract/requests';
import { useCall } from '../../store/use-app-store';
import { downloadText } from '../audit/download-text';

type Format = Args<'protocols.export'>['format'];
const FORMATS: { format: Format; label: string; mime: string }[] = [
  { format: 'json', label: 'JSON (the protocol)', mime: 'application/json' },
  { format: 'python', label: 'Python script', mime: 'text/x-python' },
  { format: 'curl', label: 'curl commands', mime: 'text/x-shellscript' },
  { format: 'matlab', label: 'MATLAB script', mime: 'text/plain' },
];

/** Rigs listed for their own scripts at most: a lab's fleet would make the menu a page. */
const MAX_RIGS = 5;

/**
 * Downloads a protocol as JSON, or its tasks as a script with the parameters' defaults; for a
 * rig that carries it (`rigs`), a script with that rig's address and parameter values.
 */
export function ExportMenu({
  protocolRef,
  onError,
  rigs = [],
}: {
  protocolRef: Args<'protocols.export'>['ref'];
  onError(error: MotifError): void;
  rigs?: { id: string; name: string }[];
}) {
  const call = useCall();
  const download = async (format: Format, mime: string, rigId?: string) => {
    const r = await call('protocols.export', { ref: protocolRef, format, ...(rigId === undefined ? {} : { rigId }) });
    if (!r.ok) return onError(r.error);
    downloadText(r.value.text, r.value.fileName, mime);
  };
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button size="xs" variant="default">
          Export…
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {FORMATS.map((f) => (
          <Menu.Item key={f.format} onClick={() => void download(f.format, f.mime)}>
            {f.label}
          </Menu.Item>
        ))}
        {rigs.slice(0, MAX_RIGS).map((rig) => (
          <div key={rig.id}>
            <Menu.Divider />
            <Menu.Label>For {rig.name} (its address and values)</Menu.Label>
            {FORMATS.filter((f) => f.format !== 'json').map((f) => (
              <Menu.Item key={f.format} aria-label={`${f.label} for ${rig.name}`} onClick={() => void download(f.format, f.mime, rig.id)}>
                {f.label}
              </Menu.Item>
            ))}
          </div>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
