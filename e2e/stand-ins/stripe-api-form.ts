// Stripe's request encoding: form fields with bracket paths (`items[0][price]=…`, `expand[0]=…`).

export type Params = { [key: string]: string | Params | Params[] | string[] | undefined } & { expand?: string[] };

type Node = { [key: string]: Node | string };

function toArrays(node: Node | string): unknown {
  if (typeof node === "string") return node;
  const keys = Object.keys(node);
  const values = Object.fromEntries(keys.map((k) => [k, toArrays(node[k])]));
  return keys.length > 0 && keys.every((k) => /^\d+$/.test(k)) ? keys.sort((a, b) => +a - +b).map((k) => values[k]) : values;
}

export function parseForm(raw: string): Params {
  const root: Node = {};
  for (const [name, value] of new URLSearchParams(raw)) {
    const path = name.replace(/\]/g, "").split("[");
    let node = root;
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Node;
    });
  }
  return toArrays(root) as Params;
}

/** A Stripe-shaped error: `{ error: { type, code, message, … } }` with its HTTP status. */
export class StandInError extends Error {
  readonly body: Record<string, unknown>;
  constructor(
    readonly status: number,
    type: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.body = { type, message, ...extra };
  }
}
