/** One JSON error format for every route handler: `{ error: { status, message, details? } }`. */
export function problem(status: number, message: string, details?: unknown, headers?: HeadersInit): Response {
  return Response.json({ error: { status, message, ...(details === undefined ? {} : { details }) } }, { status, headers });
}
