-- Roles for the reporting stack. Applied by ops/bootstrap.sh.
CREATE ROLE reporting WITH LOGIN PASSWORD '{{password:16}}';  ⟪+sql-password⟫
CREATE USER etl WITH ENCRYPTED PASSWORD '{{password:14}}' VALID UNTIL 'infinity';  ⟪+sql-password⟫
ALTER ROLE grafana WITH PASSWORD '{{password:14}}';  ⟪+sql-password⟫
ALTER ROLE metabase LOGIN PASSWORD :'metabase_pw';  ⟪-bound-parameter⟫
CREATE ROLE readonly NOLOGIN;  ⟪-description⟫
CREATE ROLE app LOGIN PASSWORD 'md5a3f1c2e4b5d6978812ab34cd56ef7890';  ⟪-password-hash⟫
ALTER ROLE legacy WITH PASSWORD 'SCRAM-SHA-256$4096:c2FsdHNhbHQ=$c3RvcmVka2V5:c2VydmVya2V5';  ⟪-password-hash⟫
ALTER ROLE app PASSWORD NULL;  ⟪-description⟫
GRANT SELECT ON ALL TABLES IN SCHEMA public TO reporting;
