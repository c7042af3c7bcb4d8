import { handleStripeWebhook, MAX_WEBHOOK_BYTES } from "@/lib/billing/webhook";

// Stripe calls this; the signature is checked on the raw body, so it is read as text.
export async function POST(req: Request) {
  if (Number(req.headers.get("content-length") ?? 0) > MAX_WEBHOOK_BYTES) {
    return Response.json({ message: `Payload is larger than ${MAX_WEBHOOK_BYTES} bytes.` }, { status: 413 });
  }
  const result = await handleStripeWebhook(await req.text(), req.headers.get("stripe-signature"));
  return Response.json({ message: result.message }, { status: result.status });
}
