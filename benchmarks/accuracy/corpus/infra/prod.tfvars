environment       = "prod"
instance_count    = 3
db_password       = "{{password:18}}"  ⟪+password⟫
cloudflare_api_token = "{{base64url:40}}"  ⟪+generic-secret⟫
kms_key_arn       = "arn:aws:kms:eu-west-1:123456789012:key/{{uuid}}"  ⟪-name-only⟫
