-- SQL Server logins for the ETL jobs.
CREATE LOGIN etl_loader WITH PASSWORD = '{{password:16}}', CHECK_POLICY = ON;  ⟪+sql-password⟫
ALTER LOGIN etl_loader WITH PASSWORD = '{{password:16}}' OLD_PASSWORD = '{{password:16}}';  ⟪+sql-password⟫
CREATE LOGIN etl_reader WITH PASSWORD = $(ReaderPassword);  ⟪-bound-parameter⟫
CREATE LOGIN [CORP\etl_svc] FROM WINDOWS;  ⟪-description⟫
