import "server-only";
import { z } from "zod";

// Who runs this Herald installation, for the privacy policy, terms and data pages. Each unset value
// shows a clearly marked placeholder so that an unconfigured installation cannot pass for a real one.
const text = (max: number) => z.string().trim().max(max).optional().transform((v) => (v ? v : undefined));

const ZOperatorEnv = z.object({
  HERALD_OPERATOR_NAME: text(200),
  HERALD_OPERATOR_EMAIL: z.string().trim().optional().transform((v) => (v ? v : undefined)).pipe(z.email("must be an email address").optional()),
  HERALD_OPERATOR_ADDRESS: text(500),
  HERALD_OPERATOR_COUNTRY: text(100),
});

export type TOperator = {
  name: string;
  email: string;
  address: string;
  country: string;
  /** The env variables still unset: their values above are placeholders. */
  missing: string[];
};

const PLACEHOLDERS = {
  HERALD_OPERATOR_NAME: "[Operator name — set HERALD_OPERATOR_NAME]",
  HERALD_OPERATOR_EMAIL: "[contact email — set HERALD_OPERATOR_EMAIL]",
  HERALD_OPERATOR_ADDRESS: "[postal address — set HERALD_OPERATOR_ADDRESS]",
  HERALD_OPERATOR_COUNTRY: "[country — set HERALD_OPERATOR_COUNTRY]",
} as const;

export function operator(source: Record<string, string | undefined> = process.env): TOperator {
  const parsed = ZOperatorEnv.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Operator configuration is invalid:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  }
  const e = parsed.data;
  const missing = (Object.keys(PLACEHOLDERS) as (keyof typeof PLACEHOLDERS)[]).filter((k) => !e[k]);
  return {
    name: e.HERALD_OPERATOR_NAME ?? PLACEHOLDERS.HERALD_OPERATOR_NAME,
    email: e.HERALD_OPERATOR_EMAIL ?? PLACEHOLDERS.HERALD_OPERATOR_EMAIL,
    address: e.HERALD_OPERATOR_ADDRESS ?? PLACEHOLDERS.HERALD_OPERATOR_ADDRESS,
    country: e.HERALD_OPERATOR_COUNTRY ?? PLACEHOLDERS.HERALD_OPERATOR_COUNTRY,
    missing,
  };
}
