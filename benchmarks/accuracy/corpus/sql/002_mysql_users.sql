-- MySQL users for the shop.
CREATE USER 'shop'@'%' IDENTIFIED BY '{{password:16}}';  ⟪+sql-password⟫
CREATE USER 'backup'@'localhost' IDENTIFIED WITH mysql_native_password BY '{{password:14}}';  ⟪+sql-password⟫
ALTER USER 'shop'@'%' IDENTIFIED BY '{{password:16}}';  ⟪+sql-password⟫
GRANT ALL PRIVILEGES ON shop.* TO 'legacy'@'%' IDENTIFIED BY '{{password:12}}';  ⟪+sql-password⟫
SET PASSWORD FOR 'report'@'%' = PASSWORD(@report_pw);  ⟪-bound-parameter⟫
CREATE USER 'monitor'@'%' IDENTIFIED BY PASSWORD '*6BB4837EB74329105EE4568DDA7DC67ED2CA2AD9';  ⟪-password-hash⟫
CREATE USER 'svc'@'%' IDENTIFIED WITH auth_socket;  ⟪-description⟫
CREATE USER 'ci'@'%' IDENTIFIED BY '${CI_DB_PASSWORD}';  ⟪-interpolation⟫
