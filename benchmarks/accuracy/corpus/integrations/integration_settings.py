"""Credentials for the partner integrations, loaded by settings.py."""
import os

UNLEASH_INSTANCE_TOKEN = "glffct-{{base64url:20}}"  ⟪+provider-token⟫
UNLEASH_INSTANCE_TOKEN = os.environ.get("UNLEASH_INSTANCE_TOKEN", "")  ⟪-env-reference⟫
GITLAB_FEED_TOKEN = "glft-..."  ⟪-documented-example⟫
GITLAB_AGENT_TOKEN = "glagent-{{base64url:50}}"  ⟪+provider-token⟫
GITLAB_OAUTH_SECRET = os.environ.get("GITLAB_OAUTH_SECRET", "")  ⟪-env-reference⟫
GITLAB_SCIM_TOKEN = "glsoat-..."  ⟪-documented-example⟫
GITLAB_COOKIE = "_gitlab_session={{lower_alnum:32}}"  ⟪+provider-token⟫
JIRA_API_TOKEN = os.environ.get("JIRA_API_TOKEN", "")  ⟪-env-reference⟫
BITBUCKET_ACCESS_TOKEN = "ATCTT3xFfGN0{{base64url:170}}={{upper_hex:8}}"  ⟪+provider-token⟫
BITBUCKET_ACCESS_TOKEN = "ATCTT3xFfGN0..."  ⟪-documented-example⟫
BUILDKITE_API_TOKEN = "bkua_{{hex:40}}"  ⟪+provider-token⟫
BUILDKITE_API_TOKEN = os.environ.get("BUILDKITE_API_TOKEN", "")  ⟪-env-reference⟫
drone_token: ${DRONE_TOKEN}  ⟪-interpolation⟫
CODECOV_TOKEN = "{{uuid}}"  ⟪+provider-token⟫
SNYK_TOKEN = os.environ.get("SNYK_TOKEN", "")  ⟪-env-reference⟫
sonar_token: ${SONAR_TOKEN}  ⟪-interpolation⟫
JENKINS_API_TOKEN = "11{{hex:32}}"  ⟪+provider-token⟫
SCALINGO_API_TOKEN = os.environ.get("SCALINGO_API_TOKEN", "")  ⟪-env-reference⟫
INFRACOST_API_KEY = "ico-{{alnum:32}}"  ⟪+provider-token⟫
INFRACOST_API_KEY = "ico-..."  ⟪-documented-example⟫
FRAMEIO_TOKEN = "fio-u-{{base64url:64}}"  ⟪+provider-token⟫
FRAMEIO_TOKEN = os.environ.get("FRAMEIO_TOKEN", "")  ⟪-env-reference⟫
DN_API_KEY = "dnkey-..."  ⟪-documented-example⟫
OP_SECRET_KEY = "A3-{{upper_alnum:6}}-{{upper_alnum:11}}-{{upper_alnum:5}}-{{upper_alnum:5}}-{{upper_alnum:5}}"  ⟪+provider-token⟫
JFROG_ACCESS_TOKEN = os.environ.get("JFROG_ACCESS_TOKEN", "")  ⟪-env-reference⟫
artifactory_token: ${ARTIFACTORY_TOKEN}  ⟪-interpolation⟫
CARGO_REGISTRY_TOKEN = "cio{{alnum:32}}"  ⟪+provider-token⟫
HEROKU_API_KEY = os.environ.get("HEROKU_API_KEY", "")  ⟪-env-reference⟫
PLANETSCALE_SERVICE_TOKEN = "pscale_tkn_..."  ⟪-documented-example⟫
PLANETSCALE_OAUTH_TOKEN = "pscale_oauth_{{base64url:43}}"  ⟪+provider-token⟫
NETLIFY_AUTH_TOKEN = os.environ.get("NETLIFY_AUTH_TOKEN", "")  ⟪-env-reference⟫
NETLIFY_TOKEN = "nfp_{{alnum:36}}"  ⟪+provider-token⟫
NETLIFY_TOKEN = "nfp_..."  ⟪-documented-example⟫
SUPABASE_ACCESS_TOKEN = "sbp_{{hex:40}}"  ⟪+provider-token⟫
SUPABASE_ACCESS_TOKEN = os.environ.get("SUPABASE_ACCESS_TOKEN", "")  ⟪-env-reference⟫
SUPABASE_SECRET_KEY = "sb_secret_..."  ⟪-documented-example⟫
CLOUDFLARE_API_TOKEN = "{{base64url:40}}"  ⟪+provider-token⟫
CLOUDFLARE_API_KEY = os.environ.get("CLOUDFLARE_API_KEY", "")  ⟪-env-reference⟫
linode_token: ${LINODE_TOKEN}  ⟪-interpolation⟫
HCLOUD_TOKEN = "{{alnum:64}}"  ⟪+provider-token⟫
SCW_SECRET_KEY = os.environ.get("SCW_SECRET_KEY", "")  ⟪-env-reference⟫
IBMCLOUD_API_KEY = "{{base64url:44}}"  ⟪+provider-token⟫
ibmcloud_api_key: ${IBMCLOUD_API_KEY}  ⟪-interpolation⟫
YANDEX_IAM_TOKEN = "t1.{{base64url:30}}.{{base64url:86}}"  ⟪+provider-token⟫
YANDEX_IAM_TOKEN = os.environ.get("YANDEX_IAM_TOKEN", "")  ⟪-env-reference⟫
YANDEX_API_KEY = "AQVN..."  ⟪-documented-example⟫
AZURE_DEVOPS_PAT = "{{lower:52}}"  ⟪+provider-token⟫
AZURE_OPENAI_API_KEY = os.environ.get("AZURE_OPENAI_API_KEY", "")  ⟪-env-reference⟫
FCM_SERVER_KEY = "AAAA..."  ⟪-documented-example⟫
GOOGLE_REFRESH_TOKEN = "1//0{{base64url:99}}"  ⟪+provider-token⟫
CONSUL_HTTP_TOKEN = os.environ.get("CONSUL_HTTP_TOKEN", "")  ⟪-env-reference⟫
VAULT_TOKEN = "s.{{alnum:24}}"  ⟪+provider-token⟫
VAULT_TOKEN = "s...."  ⟪-documented-example⟫
DISCORD_CLIENT_SECRET = "{{base64url:32}}"  ⟪+provider-token⟫
DISCORD_CLIENT_SECRET = os.environ.get("DISCORD_CLIENT_SECRET", "")  ⟪-env-reference⟫
mattermost_token: ${MATTERMOST_TOKEN}  ⟪-interpolation⟫
SENDBIRD_API_TOKEN = "{{hex:40}}"  ⟪+provider-token⟫
MESSAGEBIRD_API_KEY = os.environ.get("MESSAGEBIRD_API_KEY", "")  ⟪-env-reference⟫
twitch_client_secret: ${TWITCH_CLIENT_SECRET}  ⟪-interpolation⟫
ZENDESK_API_TOKEN = "{{alnum:40}}"  ⟪+provider-token⟫
ZOOM_CLIENT_SECRET = os.environ.get("ZOOM_CLIENT_SECRET", "")  ⟪-env-reference⟫
PUSHER_APP_SECRET = "{{hex:20}}"  ⟪+provider-token⟫
pusher_app_secret: ${PUSHER_APP_SECRET}  ⟪-interpolation⟫
PLIVO_AUTH_TOKEN = "{{alnum:40}}"  ⟪+provider-token⟫
PLIVO_AUTH_TOKEN = os.environ.get("PLIVO_AUTH_TOKEN", "")  ⟪-env-reference⟫
postmark_server_token: ${POSTMARK_SERVER_TOKEN}  ⟪-interpolation⟫
MAILJET_SECRET_KEY = "{{hex:32}}"  ⟪+provider-token⟫
SPARKPOST_API_KEY = os.environ.get("SPARKPOST_API_KEY", "")  ⟪-env-reference⟫
mandrill_api_key: ${MANDRILL_API_KEY}  ⟪-interpolation⟫
KLAVIYO_PRIVATE_KEY = "pk_{{alnum:34}}"  ⟪+provider-token⟫
WECOM_WEBHOOK = os.environ.get("WECOM_WEBHOOK", "")  ⟪-env-reference⟫
FEISHU_WEBHOOK = "https://open.feishu.cn/open-apis/bot/v2/hook/{{uuid}}"  ⟪+provider-token⟫
FEISHU_WEBHOOK = "https://open.feishu.cn/open-apis/bot/v2/hook/..."  ⟪-documented-example⟫
ZAPIER_WEBHOOK = "https://hooks.zapier.com/hooks/catch/{{digits:7}}/{{lower_alnum:7}}/"  ⟪+provider-token⟫
ZAPIER_WEBHOOK = os.environ.get("ZAPIER_WEBHOOK", "")  ⟪-env-reference⟫
coinbase_api_secret: ${COINBASE_API_SECRET}  ⟪-interpolation⟫
KUCOIN_API_KEY = "{{hex:24}}"  ⟪+provider-token⟫
KUCOIN_API_SECRET = os.environ.get("KUCOIN_API_SECRET", "")  ⟪-env-reference⟫
binance_api_secret: ${BINANCE_API_SECRET}  ⟪-interpolation⟫
BITTREX_API_SECRET = "{{lower_alnum:32}}"  ⟪+provider-token⟫
FINICITY_APP_KEY = os.environ.get("FINICITY_APP_KEY", "")  ⟪-env-reference⟫
FINICITY_PARTNER_SECRET = "{{alnum:20}}"  ⟪+provider-token⟫
finicity_partner_secret: ${FINICITY_PARTNER_SECRET}  ⟪-interpolation⟫
MOLLIE_API_KEY = "live_{{alnum:30}}"  ⟪+provider-token⟫
MOLLIE_API_KEY = os.environ.get("MOLLIE_API_KEY", "")  ⟪-env-reference⟫
plaid_secret: ${PLAID_SECRET}  ⟪-interpolation⟫
ETSY_API_KEY = "{{lower_alnum:24}}"  ⟪+provider-token⟫
SQUARESPACE_API_KEY = os.environ.get("SQUARESPACE_API_KEY", "")  ⟪-env-reference⟫
WOOCOMMERCE_CONSUMER_SECRET = "cs_..."  ⟪-documented-example⟫
FRESHBOOKS_ACCESS_TOKEN = "{{lower_alnum:64}}"  ⟪+provider-token⟫
PAYPAL_CLIENT_SECRET = os.environ.get("PAYPAL_CLIENT_SECRET", "")  ⟪-env-reference⟫
ADYEN_API_KEY = "AQE{{alnum:20}}.{{base64:40}}.{{base64:20}}"  ⟪+provider-token⟫
ADYEN_API_KEY = "AQE..."  ⟪-documented-example⟫
AIRTABLE_API_KEY = "key{{alnum:14}}"  ⟪+provider-token⟫
AIRTABLE_API_KEY = os.environ.get("AIRTABLE_API_KEY", "")  ⟪-env-reference⟫
algolia_admin_api_key: ${ALGOLIA_ADMIN_API_KEY}  ⟪-interpolation⟫
ASANA_CLIENT_SECRET = "{{lower_alnum:32}}"  ⟪+provider-token⟫
BEAMER_API_KEY = os.environ.get("BEAMER_API_KEY", "")  ⟪-env-reference⟫
CLICKHOUSE_KEY_SECRET = "4b1d..."  ⟪-documented-example⟫
CONTENTFUL_ACCESS_TOKEN = "{{base64url:43}}"  ⟪+provider-token⟫
CONFLUENT_API_SECRET = os.environ.get("CONFLUENT_API_SECRET", "")  ⟪-env-reference⟫
DROPBOX_ACCESS_TOKEN = "sl.{{base64url:140}}"  ⟪+provider-token⟫
DROPBOX_ACCESS_TOKEN = "sl...."  ⟪-documented-example⟫
FACEBOOK_APP_SECRET = "{{hex:32}}"  ⟪+provider-token⟫
FACEBOOK_APP_SECRET = os.environ.get("FACEBOOK_APP_SECRET", "")  ⟪-env-reference⟫
facebook_app_token: ${FACEBOOK_APP_TOKEN}  ⟪-interpolation⟫
HUBSPOT_API_KEY = "{{uuid}}"  ⟪+provider-token⟫
INTRA42_CLIENT_SECRET = os.environ.get("INTRA42_CLIENT_SECRET", "")  ⟪-env-reference⟫
LAUNCHDARKLY_SDK_KEY = "sdk-..."  ⟪-documented-example⟫
LINEAR_CLIENT_SECRET = "{{hex:32}}"  ⟪+provider-token⟫
MAXMIND_LICENSE_KEY = os.environ.get("MAXMIND_LICENSE_KEY", "")  ⟪-env-reference⟫
NYTIMES_API_KEY = "{{alnum:32}}"  ⟪+provider-token⟫
nytimes_api_key: ${NYTIMES_API_KEY}  ⟪-interpolation⟫
SETTLEMINT_ACCESS_TOKEN = "sm_pat_{{alnum:16}}"  ⟪+provider-token⟫
SETTLEMINT_ACCESS_TOKEN = os.environ.get("SETTLEMINT_ACCESS_TOKEN", "")  ⟪-env-reference⟫
sumo_access_key: ${SUMO_ACCESS_KEY}  ⟪-interpolation⟫
TRELLO_TOKEN = "ATTA{{hex:64}}"  ⟪+provider-token⟫
TWITTER_ACCESS_TOKEN = os.environ.get("TWITTER_ACCESS_TOKEN", "")  ⟪-env-reference⟫
twitter_api_secret: ${TWITTER_API_SECRET}  ⟪-interpolation⟫
TWITTER_API_KEY = "{{alnum:25}}"  ⟪+provider-token⟫
CLICKUP_API_TOKEN = os.environ.get("CLICKUP_API_TOKEN", "")  ⟪-env-reference⟫
FRESHDESK_API_KEY = "{{alnum:20}}"  ⟪+provider-token⟫
freshdesk_api_key: ${FRESHDESK_API_KEY}  ⟪-interpolation⟫
SANITY_API_TOKEN = "sk{{alnum:180}}"  ⟪+provider-token⟫
SANITY_API_TOKEN = os.environ.get("SANITY_API_TOKEN", "")  ⟪-env-reference⟫
todoist_api_token: ${TODOIST_API_TOKEN}  ⟪-interpolation⟫
COHERE_API_KEY = "{{alnum:40}}"  ⟪+provider-token⟫
MISTRAL_API_KEY = os.environ.get("MISTRAL_API_KEY", "")  ⟪-env-reference⟫
DEEPSEEK_API_KEY = "sk-..."  ⟪-documented-example⟫
TOGETHER_API_KEY = "{{hex:64}}"  ⟪+provider-token⟫
ELEVENLABS_API_KEY = os.environ.get("ELEVENLABS_API_KEY", "")  ⟪-env-reference⟫
ASSEMBLYAI_API_KEY = "{{hex:32}}"  ⟪+provider-token⟫
assemblyai_api_key: ${ASSEMBLYAI_API_KEY}  ⟪-interpolation⟫
OPENROUTER_API_KEY = "sk-or-v1-{{hex:64}}"  ⟪+provider-token⟫
OPENROUTER_API_KEY = os.environ.get("OPENROUTER_API_KEY", "")  ⟪-env-reference⟫
VOYAGE_API_KEY = "pa-..."  ⟪-documented-example⟫
CLARIFAI_PAT = "{{hex:32}}"  ⟪+provider-token⟫
PRIVATE_AI_API_KEY = os.environ.get("PRIVATE_AI_API_KEY", "")  ⟪-env-reference⟫
grafana_api_key: ${GRAFANA_API_KEY}  ⟪-interpolation⟫
NEW_RELIC_QUERY_KEY = "NRIQ-{{base64url:32}}"  ⟪+provider-token⟫
HONEYCOMB_CONFIG_KEY = os.environ.get("HONEYCOMB_CONFIG_KEY", "")  ⟪-env-reference⟫
ROLLBAR_ACCESS_TOKEN = "{{hex:32}}"  ⟪+provider-token⟫
rollbar_access_token: ${ROLLBAR_ACCESS_TOKEN}  ⟪-interpolation⟫
OPSGENIE_API_KEY = "{{uuid}}"  ⟪+provider-token⟫
OPSGENIE_API_KEY = os.environ.get("OPSGENIE_API_KEY", "")  ⟪-env-reference⟫
nomad_token: ${NOMAD_TOKEN}  ⟪-interpolation⟫
LOGGLY_TOKEN = "{{uuid}}"  ⟪+provider-token⟫
SESSION_TOKEN = os.environ.get("SESSION_TOKEN", "")  ⟪-env-reference⟫
encoded_token: ${ENCODED_TOKEN}  ⟪-interpolation⟫
JDBC_URL = "jdbc:mysql://db.internal:3306/shop?user=app&password={{alnum:16}}"  ⟪+provider-token⟫
TELEGRAM_BOT_TOKEN = "{{digits:11}}:A{{base64url:34}}"  ⟪+provider-token⟫
VAULT_RECOVERY_TOKEN = os.environ.get("VAULT_RECOVERY_TOKEN", "")  ⟪-env-reference⟫
railway_token: ${RAILWAY_TOKEN}  ⟪-interpolation⟫
UPSTASH_REDIS_REST_TOKEN = "A{{base64url:59}}"  ⟪+provider-token⟫
ELASTIC_API_KEY = os.environ.get("ELASTIC_API_KEY", "")  ⟪-env-reference⟫
MEILI_MASTER_KEY = "{{base64url:43}}"  ⟪+provider-token⟫
meili_master_key: ${MEILI_MASTER_KEY}  ⟪-interpolation⟫
WECHAT_APP_SECRET = "{{hex:32}}"  ⟪+provider-token⟫
WECHAT_APP_SECRET = os.environ.get("WECHAT_APP_SECRET", "")  ⟪-env-reference⟫
line_channel_secret: ${LINE_CHANNEL_SECRET}  ⟪-interpolation⟫
CLOUDANT_PASSWORD = "{{hex:64}}"  ⟪+provider-token⟫
COS_HMAC_SECRET_ACCESS_KEY = os.environ.get("COS_HMAC_SECRET_ACCESS_KEY", "")  ⟪-env-reference⟫
softlayer_api_key: ${SOFTLAYER_API_KEY}  ⟪-interpolation⟫
