import type { MotifError } from '../../src-main/contract/errors';

/** A failure shown where it happened, in the words main gave it. */
export function ErrorNote({ error }: { error: MotifError }) {
  return (
    <p role="alert" className="error-note" data-code={error.code}>
      {error.message}
    </p>
  );
}
