/** Errors in the vendor's shape: `{"error": "<message>", "status_code": <int>}`. */

export class SimHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'SimHttpError';
  }
}

export const vendorErrorBody = (status: number, message: string) => ({
  error: message,
  status_code: status,
});

export const badRequest = (message: string) => new SimHttpError(400, message);
export const notFound = (message: string) => new SimHttpError(404, message);
export const conflict = (message: string) => new SimHttpError(409, message);
