require "stripe"
require "braintree"

Stripe.api_key = "rk_live_{{alnum:32}}"  ⟪+provider-token⟫

Braintree::Configuration.environment = :production
Braintree::Configuration.merchant_id = "{{lower_alnum:16}}"
Braintree::Configuration.public_key = "{{lower_alnum:16}}"  ⟪-public-key⟫
Braintree::Configuration.private_key = "{{hex:32}}"  ⟪+generic-secret⟫

module Payments
  SHOPIFY_TOKEN = ENV.fetch("SHOPIFY_TOKEN")  ⟪-env-reference⟫
  LEGACY_SHOPIFY_TOKEN = "shpat_{{hex:32}}"  ⟪+provider-token⟫
  PASSWORD_MIN = 12
end
