import type { OutputValue, ScheduledOperation } from '../../../src-main/contract/requests/operations';
import { parseTypedValue } from '../../ui/typed-value';
import {
  copyOptions,
  emptyCopy,
  emptyExport,
  emptyRecord,
  exportOptions,
  recordOptions,
  type CopyDraft,
  type ExportDraft,
  type RecordDraft,
} from '../recordings/transfer-options';

export type OperationKind = ScheduledOperation['kind'];
/** A level typed in, on (1), off (0), or one of the contract's toggle rules. */
export type OutputMode = 'value' | 'on' | 'off' | Extract<OutputValue, string>;

/** Everything the new-task form holds, whatever operation is chosen. */
export interface OperationDraft {
  kind: OperationKind;
  record: RecordDraft;
  copy: CopyDraft;
  export: ExportDraft;
  paramName: string;
  paramValue: string;
  outputName: string;
  outputMode: OutputMode;
  outputValue: number;
}

export const emptyOperation: OperationDraft = {
  kind: 'outputs.set',
  record: emptyRecord,
  copy: emptyCopy,
  export: emptyExport,
  paramName: 'ExposureTime',
  paramValue: '',
  outputName: 'led',
  outputMode: 'toggle-start-high',
  outputValue: 1,
};

export const OPERATION_LABELS: Record<OperationKind, string> = {
  'recording.start': 'Start recording',
  'recordings.copy': 'Copy (or move) recordings',
  'recordings.export': 'Export recordings',
  'cameras.configure': 'Change a camera parameter',
  'outputs.set': 'Set an output',
};

/** The vendor API takes `camera_relative` only for parameter and output tasks. */
export const allowsCameraRelative = (kind: OperationKind) => kind === 'cameras.configure' || kind === 'outputs.set';

const badName = (name: string) => name.trim() === '' || name.includes('/');

/** The draft as the contract's operation, or a sentence saying what is missing (`codecs`: the rig's, null when not known). */
export function toScheduledOperation(d: OperationDraft, codecs: string[] | null): ScheduledOperation | string {
  switch (d.kind) {
    case 'recording.start': {
      const options = recordOptions(d.record, codecs);
      return typeof options === 'string' ? options : { kind: d.kind, options };
    }
    case 'recordings.copy':
      return { kind: d.kind, options: copyOptions(d.copy) };
    case 'recordings.export':
      return { kind: d.kind, options: exportOptions(d.export) };
    case 'cameras.configure':
      if (badName(d.paramName)) return 'Name the parameter to change (no "/").';
      if (d.paramValue.trim() === '') return 'Give the new value of the parameter.';
      return { kind: d.kind, name: d.paramName.trim(), value: parseTypedValue(d.paramValue) };
    case 'outputs.set': {
      if (badName(d.outputName)) return 'Name the output to set (no "/").';
      const value =
        d.outputMode === 'on' ? 1 : d.outputMode === 'off' ? 0 : d.outputMode === 'value' ? d.outputValue : d.outputMode;
      return { kind: d.kind, name: d.outputName.trim(), value };
    }
  }
}
