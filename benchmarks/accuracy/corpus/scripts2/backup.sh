#!/bin/sh
# Nightly backup of the shop database.
# old box: root / password: {{password:14}}  ⟪+comment-password⟫
# PGPASSWORD={{password:16}} pg_dump shop > /tmp/x.sql  ⟪+comment-password⟫
# PGPASSWORD=$BACKUP_DB_PASSWORD is set by cron's environment  ⟪-interpolation⟫
# password: read from /etc/backup/secret, never passed on the command line  ⟪-description⟫
set -eu
curl -fsS -H "X-Api-Key: {{alnum:32}}" https://backups.example.com/v1/start  ⟪+api-key-header⟫
curl -fsS -H "X-Api-Key: ${BACKUP_API_KEY}" https://backups.example.com/v1/finish  ⟪-interpolation⟫
curl --header "Authorization: Bearer {{alnum:40}}" https://status.example.com/api/ping  ⟪+api-key-header⟫
curl --header "Authorization: Bearer $(cat /run/secrets/status_token)" https://status.example.com/api/ping  ⟪-interpolation⟫
wget -q --header="PRIVATE-TOKEN: {{alnum:20}}" https://git.example.com/api/v4/projects  ⟪+api-key-header⟫
wget -q --header="PRIVATE-TOKEN: $GITLAB_TOKEN" https://git.example.com/api/v4/projects  ⟪-interpolation⟫
curl -H "Content-Type: application/json" -H "Accept: application/json" https://api.example.com  ⟪-description⟫
