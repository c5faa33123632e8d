-- Local development schema.
-- analyst account (read-only) password is {{password:14}}  ⟪+comment-password⟫
-- password column holds bcrypt hashes, never plaintext  ⟪-description⟫
CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL, password text NOT NULL);  ⟪-description⟫
