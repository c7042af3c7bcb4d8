/** A backup or restore failure whose message is meant for the operator, as is. */
export class BackupError extends Error {
  override name = "BackupError";
}
