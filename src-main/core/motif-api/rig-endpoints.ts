import { isCopyingStatus, isExportingStatus, isRecordingStatus } from './camera-state';
import {
  fillEndpoint,
  type ArgsOf,
  type CameraStatus,
  type CamerasResult,
  type CopyAllArgs,
  type EndpointTemplate,
  type ExportAllArgs,
  type ParameterValues,
  type PathParams,
  type RecordingStartArgs,
  type ResultOf,
  type ScheduleArgs,
  type ScheduleResult,
  type WireObject,
} from './endpoint-table';
import type { WireValue } from '../python-json';

export interface CallOptions {
  /** Response timeout for this call; the client's default otherwise. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Typed helpers over the generic `call`: one method per endpoint family, `serial`
 * selecting one camera (omitted: all cameras, or the rig's only one).
 */
export abstract class RigEndpoints {
  /** The vendor client's `call(path, **kwargs)`: any endpoint, including ones newer than this table. */
  abstract call(path: string, args?: object, options?: CallOptions): Promise<WireValue>;

  /** A table endpoint with typed path parameters, arguments and result. */
  async request<T extends EndpointTemplate>(
    template: T,
    params: PathParams<T>,
    args?: ArgsOf<T>,
    options?: CallOptions,
  ): Promise<ResultOf<T>> {
    // The table types what Motif documents; the rig's JSON is trusted to that shape.
    return (await this.call(fillEndpoint(template, params), args, options)) as ResultOf<T>;
  }

  version(): Promise<WireObject> {
    return this.request('version', {});
  }
  cameras(): Promise<CamerasResult> {
    return this.request('cameras', {});
  }
  cameraStatus(serial: string, options?: CallOptions): Promise<CameraStatus> {
    return this.request('camera/<serial>', { serial }, undefined, options);
  }
  configure(values: ParameterValues, serial?: string): Promise<WireObject> {
    return serial === undefined
      ? this.request('cameras/configure', {}, values)
      : this.request('camera/<serial>/configure', { serial }, values);
  }
  readParameter(name: string, serial?: string): Promise<WireObject> {
    return serial === undefined
      ? this.request('cameras/read/<name>', { name })
      : this.request('camera/<serial>/read/<name>', { serial, name });
  }
  startRecording(args: RecordingStartArgs = {}, serial?: string): Promise<WireObject> {
    return serial === undefined
      ? this.request('recording/start', {}, args)
      : this.request('camera/<serial>/recording/start', { serial }, args);
  }
  stopRecording(serial?: string): Promise<WireObject> {
    return serial === undefined
      ? this.request('recording/stop', {})
      : this.request('camera/<serial>/recording/stop', { serial });
  }
  recordings(serial?: string): Promise<WireObject> {
    return serial === undefined ? this.request('recordings', {}) : this.request('camera/<serial>/recordings', { serial });
  }
  copyAll(args: CopyAllArgs = {}, serial?: string): Promise<WireObject> {
    return serial === undefined
      ? this.request('recordings/copy_all', {}, args)
      : this.request('camera/<serial>/recordings/copy_all', { serial }, args);
  }
  exportAll(args: ExportAllArgs = {}, serial?: string): Promise<WireObject> {
    return serial === undefined
      ? this.request('recordings/export_all', {}, args)
      : this.request('camera/<serial>/recordings/export_all', { serial }, args);
  }
  /** `value` ±Infinity toggles a digital output, starting high (+) or low (-). */
  setOutput(name: string, value: number, serial?: string): Promise<WireObject> {
    return serial === undefined
      ? this.request('io/<name>/set', { name }, { value })
      : this.request('camera/<serial>/io/<name>/set', { serial, name }, { value });
  }
  logIo(values: WireObject, serial?: string): Promise<WireObject> {
    return serial === undefined
      ? this.request('io/log', {}, values)
      : this.request('camera/<serial>/io/log', { serial }, values);
  }
  readIo(serial?: string): Promise<WireObject> {
    return serial === undefined ? this.request('io/read', {}) : this.request('camera/<serial>/io/read', { serial });
  }
  /** A status line in the rig's web UI; an empty message clears it. */
  sendMessage(message: string, serial?: string): Promise<WireObject> {
    return serial === undefined
      ? this.request('experiment/message', {}, { message })
      : this.request('camera/<serial>/experiment/message', { serial }, { message });
  }

  schedule(): Promise<ScheduleResult> {
    return this.request('schedule', {});
  }
  clearSchedule(): Promise<WireObject> {
    return this.request('schedule/clear', {});
  }
  clearTask(taskName: string): Promise<WireObject> {
    return this.request('schedule/<task_name>/clear', { task_name: taskName });
  }
  scheduleRecordingStart(task: ScheduleArgs, args: RecordingStartArgs = {}, serial?: string): Promise<WireObject> {
    const body = { ...task, ...args };
    return serial === undefined
      ? this.request('schedule/recording/start', {}, body)
      : this.request('schedule/camera/<serial>/recording/start', { serial }, body);
  }
  scheduleCopyAll(task: ScheduleArgs, args: CopyAllArgs = {}, serial?: string): Promise<WireObject> {
    const body = { ...task, ...args };
    return serial === undefined
      ? this.request('schedule/recordings/copy_all', {}, body)
      : this.request('schedule/camera/<serial>/recordings/copy_all', { serial }, body);
  }
  scheduleExportAll(task: ScheduleArgs, args: ExportAllArgs = {}, serial?: string): Promise<WireObject> {
    const body = { ...task, ...args };
    return serial === undefined
      ? this.request('schedule/recordings/export_all', {}, body)
      : this.request('schedule/camera/<serial>/recordings/export_all', { serial }, body);
  }
  scheduleConfigure(task: ScheduleArgs, name: string, value: WireValue, serial?: string): Promise<WireObject> {
    const body = { ...task, value };
    return serial === undefined
      ? this.request('schedule/cameras/configure/<name>', { name }, body)
      : this.request('schedule/camera/<serial>/configure/<name>', { serial, name }, body);
  }
  scheduleSetOutput(task: ScheduleArgs, name: string, value: WireValue, serial?: string): Promise<WireObject> {
    const body = { ...task, value };
    return serial === undefined
      ? this.request('schedule/io/<name>/set', { name }, body)
      : this.request('schedule/camera/<serial>/io/<name>/set', { serial, name }, body);
  }

  synchronizeCameras(): Promise<WireObject> {
    return this.request('multicam/synchronize', {});
  }
  /** Start a camera process; `'__all'` starts every camera. */
  connectCamera(serial: string): Promise<WireObject> {
    return this.request('multicam/connect_camera/<serial>', { serial });
  }
  disconnectCamera(serial: string): Promise<WireObject> {
    return this.request('multicam/disconnect_camera/<serial>', { serial });
  }
  connectAllCameras(): Promise<WireObject> {
    return this.request('multicam/connect_all', {});
  }
  disconnectAllCameras(): Promise<WireObject> {
    return this.request('multicam/disconnect_all', {});
  }

  async isRecording(serial: string): Promise<boolean> {
    return isRecordingStatus(await this.cameraStatus(serial));
  }
  async isCopying(serial: string): Promise<boolean> {
    return isCopyingStatus(await this.cameraStatus(serial));
  }
  async isExporting(serial: string): Promise<boolean> {
    return isExportingStatus(await this.cameraStatus(serial));
  }
}
