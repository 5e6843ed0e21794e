/** Named outputs with the vendor's ±Infinity toggle rule, and readable inputs. */
import { notFound } from './wire-errors';

const OUTPUT_MIN = 0;
const OUTPUT_MAX = 1;

interface OutputState {
  value: number;
  // True once a ±Infinity call started toggling; a finite value ends it.
  toggling: boolean;
}

/** Kept per camera so tests can check what a schedule really switched, and when. */
const MAX_CHANGES = 1000;

export interface OutputChange {
  /** Unix ms. */
  at: number;
  name: string;
  value: number;
}

export class OutputBank {
  private outputs = new Map<string, OutputState>();
  inputs: Record<string, number> = {};
  changes: OutputChange[] = [];

  constructor(
    private readonly names: string[],
    private readonly owner: string,
  ) {
    this.reset();
  }

  has(name: string): boolean {
    return this.outputs.has(name);
  }

  /**
   * +Infinity switches to max, -Infinity to min; while toggling, each further
   * ±Infinity call flips between min and max.
   */
  set(name: string, value: number): number {
    const out = this.outputs.get(name);
    if (!out) throw notFound(`no output named '${name}' on ${this.owner} (outputs: ${this.names.join(', ')})`);
    if (Number.isFinite(value)) {
      out.value = value;
      out.toggling = false;
    } else if (out.toggling) {
      out.value = out.value === OUTPUT_MAX ? OUTPUT_MIN : OUTPUT_MAX;
    } else {
      out.value = value > 0 ? OUTPUT_MAX : OUTPUT_MIN;
      out.toggling = true;
    }
    this.changes.push({ at: Date.now(), name, value: out.value });
    if (this.changes.length > MAX_CHANGES) this.changes.splice(0, this.changes.length - MAX_CHANGES);
    return out.value;
  }

  values(): Record<string, number> {
    return Object.fromEntries([...this.outputs].map(([k, s]) => [k, s.value]));
  }

  reset(): void {
    this.outputs = new Map(this.names.map((n) => [n, { value: OUTPUT_MIN, toggling: false }]));
    this.inputs = { in0: 0, in1: 0 };
    this.changes = [];
  }
}
