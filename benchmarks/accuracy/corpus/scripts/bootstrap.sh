#!/usr/bin/env bash
set -euo pipefail

export AWS_REGION=eu-west-1
export AWS_ACCESS_KEY_ID=AKIA{{upper:16}}  ⟪+provider-token⟫
export AWS_SECRET_ACCESS_KEY={{base64:40}}  ⟪+provider-token⟫
export DATABASE_PASSWORD="$(aws ssm get-parameter --name /shop/db --with-decryption --query Parameter.Value --output text)"  ⟪-interpolation⟫
export GITLAB_TOKEN=glpat-{{base64url:20}}  ⟪+provider-token⟫
export API_KEY="${API_KEY:-}"  ⟪-interpolation⟫
ADMIN_PASS='{{password:14}}'  ⟪+password⟫

curl -fsS -H "Authorization: Bearer ${API_TOKEN}" https://api.example.com/v1/ping  ⟪-interpolation⟫
curl -fsS -u "deploy:{{alnum:18}}" https://artifacts.example.com/upload  ⟪+password⟫
mysql -u root -p"{{password:12}}" -e "CREATE DATABASE IF NOT EXISTS shop"  ⟪+password⟫
echo "sha256sum: {{hex:64}}  dist/app.tar.gz"  ⟪-hex-digest⟫
