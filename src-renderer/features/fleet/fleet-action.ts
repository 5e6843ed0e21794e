/** What can be done now on every selected rig besides recording: the schedulable operations that take a name and a value. */
export type FleetAction = 'outputs.set' | 'cameras.configure';
