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

/** Downloads a protocol as JSON, or its tasks as a script with the parameters' defaults. */
export function ExportMenu({ protocolRef, onError }: { protocolRef: Args<'protocols.export'>['ref']; onError(error: MotifError): void }) {
  const call = useCall();
  const download = async (format: Format, mime: string) => {
    const r = await call('protocols.export', { ref: protocolRef, format });
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
      </Menu.Dropdown>
    </Menu>
  );
}
