"""Account management: password storage, reset tokens, API tokens, access checks."""

import hashlib
import random
import secrets
import string

import bcrypt
import jwt

ALPHABET = string.ascii_letters + string.digits


def store_password(user, password):
    # expect: SC221
    user.password_hash = hashlib.md5(password.encode()).hexdigest()


def hash_password(raw):
    # expect: SC221
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()


def hash_password_properly(password):
    # ok: SC221
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt())


def legacy_verify(user, password):
    # expect: SC221
    digest = hashlib.new("md5", password.encode())
    return digest.hexdigest() == user.password_hash


def file_checksum(path):
    with open(path, "rb") as fh:
        # ok: SC221
        return hashlib.md5(fh.read()).hexdigest()


def etag(body):
    # ok: SC221
    return hashlib.sha1(body).hexdigest()


def gravatar(email):
    # ok: SC221
    return hashlib.md5(email.strip().lower().encode(), usedforsecurity=False).hexdigest()


def new_reset_token():
    # expect: SC222
    return "".join(random.choice(ALPHABET) for _ in range(40))


def new_otp():
    # expect: SC222
    otp = random.randint(100000, 999999)
    return f"{otp:06d}"


def new_api_token():
    # ok: SC222
    return secrets.token_urlsafe(32)


def retry_delay(attempt):
    # ok: SC222
    return min(30, 2**attempt) + random.uniform(0, 1)


def pick_sample(rows):
    # ok: SC222
    return random.sample(rows, 10)


def create_user(db, email):
    # expect: SC222
    db.insert(email=email, password=str(random.getrandbits(64)))


def read_claims(token):
    # expect: SC229
    return jwt.decode(token, options={"verify_signature": False})


def read_claims_none(token, key):
    # expect: SC229
    return jwt.decode(token, key, algorithms=["HS256", "none"])


def read_claims_safe(token, key):
    # ok: SC229
    return jwt.decode(token, key, algorithms=["HS256"])


def key_id(token):
    # ok: SC229
    return jwt.get_unverified_header(token).get("kid")


def delete_account(request, account):
    # expect: SC230
    assert request.user.is_superuser or account.owner_id == request.user.id
    account.delete()


def promote(actor, member):
    # expect: SC230
    assert actor.has_perm("teams.promote"), "forbidden"
    member.role = "admin"


def average(values):
    # ok: SC230
    assert values, "values must not be empty"
    return sum(values) / len(values)


def transfer(actor, amount):
    if not actor.is_authenticated:
        raise PermissionError("login required")
    # ok: SC230
    assert amount > 0
    return amount
