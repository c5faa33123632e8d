#!/bin/sh
# Provision a fresh VM for the shop worker.
set -e
apt-get update && apt-get install -y postgresql-client redis-tools
echo "sha512: {{hex:128}}" > /etc/shop/expected.sum  ⟪-hex-digest⟫
export PGPASSWORD='{{password:16}}'  ⟪+password⟫
export REDISCLI_AUTH="$REDIS_PASSWORD"  ⟪-interpolation⟫
psql -h db.internal -U shop -c "select 1"
htpasswd -b -c /etc/nginx/.htpasswd admin {{alnum:14}}  ⟪+password⟫
git clone https://deploy:{{crc_token:ghp}}@github.com/myshop/worker.git /opt/worker  ⟪+provider-token⟫
git -C /opt/worker checkout {{hex:40}}  ⟪-git-sha⟫
