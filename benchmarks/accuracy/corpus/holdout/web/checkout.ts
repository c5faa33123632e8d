import Stripe from "stripe";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: "2023-10-16" });  ⟪-env-reference⟫
const PUBLISHABLE = "pk_live_{{alnum:24}}";  ⟪-public-key⟫
const webhookSecret = "whsec_{{alnum:32}}";  ⟪+provider-token⟫
const fallbackPassword: string = "{{password:14}}";  ⟪+password⟫
export const passwordMinLength = 12;
export const tokenHeader = "X-Checkout-Token";  ⟪-name-only⟫
const idempotencyKey = crypto.randomUUID();

export async function charge(amount: number, source: string) {
  return stripe.charges.create({ amount, currency: "eur", source }, { idempotencyKey });
}
