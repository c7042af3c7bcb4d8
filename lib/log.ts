// Structured logging: one JSON object per line on stdout (errors on stderr). Privacy by construction:
// fields named like personal data or secrets are replaced, and email addresses or IP addresses inside
// any string are masked, so that a careless call cannot write them to a log.
export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

const SENSITIVE_KEY =
  /(e-?mail|pass(word|wd|phrase)?|token|secret|card|cvc|cvv|cookie|authori[sz]ation|api[-_]?key|private[-_]?key|(^|[-_])keys?([-_]|$)|^ip$|ip[-_]?addr|forwarded|real[-_]?ip|user[-_]?agent|phone|address|^name$|full[-_]?name|cardholder)/i;
// user:password@ in any URL (DATABASE_URL, SMTP_URL, …).
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;
const IPV6 = /\b(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{1,4}\b/gi;
const MAX_DEPTH = 5;

function maskString(s: string): string {
  return s.replace(URL_CREDENTIALS, "$1[redacted]@").replace(EMAIL, "[email]").replace(IPV4, "[ip]").replace(IPV6, "[ip]");
}

/** A copy of `value` that is safe to log. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return maskString(value);
  if (value === null || typeof value !== "object") return typeof value === "bigint" ? value.toString() : value;
  if (depth >= MAX_DEPTH) return "[truncated]";
  if (value instanceof Error) return { name: value.name, message: maskString(value.message) };
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SENSITIVE_KEY.test(k) ? "[redacted]" : redact(v, depth + 1);
  return out;
}

export type Logger = Record<LogLevel, (event: string, fields?: LogFields) => void> & { child: (bound: LogFields) => Logger };

/** The line a call writes (exported for tests). */
export function formatLine(level: LogLevel, event: string, fields: LogFields, now = new Date()): string {
  return JSON.stringify({ time: now.toISOString(), level, event, ...(redact(fields) as LogFields) });
}

function makeLogger(bound: LogFields): Logger {
  const write = (level: LogLevel) => (event: string, fields: LogFields = {}) => {
    if (level === "debug" && process.env.HERALD_LOG_LEVEL !== "debug") return;
    const line = formatLine(level, event, { ...bound, ...fields }) + "\n";
    (level === "error" || level === "warn" ? process.stderr : process.stdout).write(line);
  };
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error"), child: (more) => makeLogger({ ...bound, ...more }) };
}

export const log: Logger = makeLogger({});

/** A logger bound to the request id that proxy.ts puts on every request (header x-request-id). */
export function requestLogger(headers: Pick<Headers, "get">): Logger {
  const id = headers.get("x-request-id");
  return id && /^[A-Za-z0-9-]{1,64}$/.test(id) ? log.child({ requestId: id }) : log;
}
