import { Alert, Card, PageHeader } from "@/components/ui/card";
import { PaymentDetails } from "@/components/billing/payment-details";
import { CancellationControl, PlanChooser } from "@/components/billing/plan-controls";
import { getBillingAccount } from "@/lib/billing/accounts";
import { billingConfig, findPlan, type TPlan } from "@/lib/billing/config";
import { formatDay, STATUS_LABELS } from "@/lib/billing/format";
import { overLimits, planThatFits, workspaceUsage } from "@/lib/billing/usage";
import { MANAGERS, requireMember } from "@/lib/workspaces/membership";

export const metadata = { title: "Billing" };

const number = new Intl.NumberFormat("en-US");
const limitText = (limit: number | null) => (limit === null ? "Unlimited" : number.format(limit));

function PlanLimits({ plan }: { plan: TPlan }) {
  return (
    <p className="text-sm text-slate-600">
      {limitText(plan.limits.monthlyActiveUsers)} monthly active end users · {limitText(plan.limits.liveExperiences)} live experiences
    </p>
  );
}

export default async function BillingPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace, role } = await requireMember(slug);
  const config = billingConfig();
  const [account, usage] = await Promise.all([getBillingAccount(workspace.id), workspaceUsage(workspace.id)]);
  const plan = findPlan(account.plan) ?? config.freePlan;
  const canManage = MANAGERS.includes(role);
  const over = overLimits(plan, usage);
  const fits = planThatFits(config.plans, usage);
  const periodEnd = account.currentPeriodEnd ? formatDay(account.currentPeriodEnd) : null;
  const card = account.cardLast4 ? { brand: account.cardBrand, last4: account.cardLast4, name: account.cardholderName } : null;

  return (
    <>
      <PageHeader title="Billing" description="Your plan, its limits and your payment details. Stripe holds your card; Herald keeps only its brand, last 4 digits and cardholder name." />
      {!config.stripe.enabled ? (
        <div className="mb-6">
          <Alert tone="info">
            Billing is off on this installation, so every workspace uses the {config.freePlan.name} plan. To turn it on, an operator sets{" "}
            <code>STRIPE_SECRET_KEY</code>, <code>NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY</code> and <code>STRIPE_WEBHOOK_SECRET</code>, the price ids of the paid
            plans (<code>STRIPE_PRICE_PRO</code>, <code>STRIPE_PRICE_BUSINESS</code> or <code>HERALD_PLANS</code>), points a Stripe webhook at{" "}
            <code>/api/stripe/webhook</code> and restarts Herald.
          </Alert>
        </div>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="text-base font-semibold">Current plan</h2>
          <p className="mt-3 flex items-center gap-3">
            <span className="text-xl font-semibold" data-testid="current-plan">{plan.name}</span>
            <span className="rounded-full bg-brand-50 px-2.5 py-0.5 text-xs font-medium text-brand-700 ring-1 ring-inset ring-brand-100" data-testid="plan-status">
              {STATUS_LABELS[account.status] ?? account.status}
            </span>
          </p>
          <PlanLimits plan={plan} />
          {periodEnd ? (
            <p className="mt-2 text-sm text-slate-700" data-testid="renewal">
              {account.cancelAtPeriodEnd ? `Ends on ${periodEnd}; the workspace then moves to the ${config.freePlan.name} plan.` : `Renews on ${periodEnd}.`}
            </p>
          ) : null}
          {account.status === "past_due" || account.status === "unpaid" ? (
            <div className="mt-3">
              <Alert>The last payment failed. {canManage ? "Update your payment details below; Stripe retries the payment." : "Ask an owner or admin to update the payment details."}</Alert>
            </div>
          ) : null}
          {canManage && config.stripe.enabled && account.stripeSubscriptionId && periodEnd ? (
            <CancellationControl slug={slug} cancelAtPeriodEnd={account.cancelAtPeriodEnd} endsOn={periodEnd} />
          ) : null}
        </Card>

        <Card>
          <h2 className="text-base font-semibold">Usage</h2>
          <dl className="mt-3 grid grid-cols-2 gap-4 text-sm">
            <div>
              <dt className="text-slate-500">Monthly active end users</dt>
              <dd className="text-lg font-semibold">{number.format(usage.monthlyActiveUsers)} <span className="text-sm font-normal text-slate-500">of {limitText(plan.limits.monthlyActiveUsers)}</span></dd>
            </div>
            <div>
              <dt className="text-slate-500">Live experiences</dt>
              <dd className="text-lg font-semibold">{number.format(usage.liveExperiences)} <span className="text-sm font-normal text-slate-500">of {limitText(plan.limits.liveExperiences)}</span></dd>
            </div>
          </dl>
          {over.length > 0 ? (
            <div className="mt-4">
              <Alert>
                This workspace is over the {plan.name} plan&apos;s limit of {over.map((o) => `${number.format(o.limit)} ${o.label}`).join(" and ")}.{" "}
                {!canManage
                  ? "Ask an owner or admin to upgrade the plan."
                  : fits && fits.id !== plan.id && config.stripe.enabled
                    ? `Choose the ${fits.name} plan below, or pause experiences you no longer need.`
                    : "Pause or archive experiences you no longer need; end users count for 30 days after their last visit."}
              </Alert>
            </div>
          ) : null}
        </Card>
      </div>

      {config.stripe.enabled ? (
        <Card className="mt-6">
          <h2 className="text-base font-semibold">Plans</h2>
          {canManage && !card ? <p className="mt-1 text-sm text-slate-600">Add a card under Payment details to choose a paid plan.</p> : null}
          <ul className="mt-4 divide-y divide-slate-100">
            {config.plans.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-4 py-3">
                <div>
                  <p className="font-medium">
                    {p.name} {p.priceLabel ? <span className="text-sm font-normal text-slate-500">· {p.priceLabel}</span> : null}
                  </p>
                  <PlanLimits plan={p} />
                </div>
                {canManage && p.priceId && card ? (
                  <PlanChooser slug={slug} plan={p.id} planName={p.name} current={p.id === plan.id && Boolean(account.stripeSubscriptionId)} />
                ) : p.id === plan.id ? (
                  <span className="text-sm font-medium text-brand-700">Current plan</span>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {config.stripe.enabled ? (
        <Card className="mt-6">
          <h2 className="mb-3 text-base font-semibold">Payment details</h2>
          {canManage ? (
            <PaymentDetails slug={slug} publishableKey={config.stripe.publishableKey} initialCard={card} />
          ) : (
            <p className="text-sm text-slate-600">Only owners and admins can see and change payment details.</p>
          )}
        </Card>
      ) : null}
    </>
  );
}
