/** A rig endpoint and its arguments as a sentence a lab user recognises. */
export function endpointInWords(endpoint: string, args: Record<string, unknown> = {}): string {
  const parts = endpoint.split('/');
  const cameraOf = () => (parts[0] === 'camera' && parts[1] ? `camera ${parts[1]}` : 'all cameras');
  const params = () =>
    Object.entries(args)
      .map(([k, v]) => `${k} = ${valueWords(v)}`)
      .join(', ');

  if (parts[0] === 'schedule') {
    if (endpoint === 'schedule/clear') return 'Clear all scheduled tasks';
    if (parts.length === 3 && parts[2] === 'clear') return `Clear scheduled task "${parts[1]}"`;
    const task = typeof args.task_name === 'string' ? `"${args.task_name}"` : '';
    const when = typeof args.cron_expression === 'string' ? ` at "${args.cron_expression}"` : '';
    const rest = parts.slice(1).join('/');
    return `Schedule task ${task}: ${endpointInWords(rest, withoutTaskArgs(args))}${when}`.replace('  ', ' ');
  }
  if (/(^|\/)configure(\/|$)/.test(endpoint)) {
    const named = parts[parts.length - 2] === 'configure' ? `${parts[parts.length - 1]} = ${valueWords(args.value)}` : params();
    return `Change camera parameters on ${cameraOf()}${named ? `: ${named}` : ''}`;
  }
  const io = endpoint.match(/(?:^|\/)io\/([^/]+)\/set$/);
  if (io) return `Set output ${io[1]} on ${parts[0] === 'camera' ? cameraOf() : 'the rig'} to ${valueWords(args.value)}`;
  if (endpoint.endsWith('recording/start')) return `Start recording on ${cameraOf()}`;
  if (endpoint.endsWith('recording/stop')) return `Stop recording on ${cameraOf()}`;
  if (endpoint.endsWith('recordings/copy_all')) return `${args.delete_after ? 'Move' : 'Copy'} recordings of ${cameraOf()}`;
  if (endpoint.endsWith('recordings/export_all')) return `Export recordings of ${cameraOf()}`;
  if (endpoint.endsWith('experiment/message')) return args.message ? `Show message "${valueWords(args.message)}"` : 'Clear the experiment message';
  if (endpoint.endsWith('io/log')) return `Log ${params()} into the recording`;
  if (endpoint.startsWith('multicam/')) return `Multi-camera: ${parts.slice(1).join(' ').replace(/_/g, ' ')}`;
  return endpoint;
}

function withoutTaskArgs(args: Record<string, unknown>): Record<string, unknown> {
  const { task_name: _t, cron_expression: _c, camera_relative: _r, ...rest } = args;
  return rest;
}

/** Infinity is the toggle rule on the wire; say what it does. */
function valueWords(v: unknown): string {
  if (v === Infinity) return 'toggle, start high';
  if (v === -Infinity) return 'toggle, start low';
  if (typeof v === 'string') return v;
  return JSON.stringify(v) ?? String(v);
}
