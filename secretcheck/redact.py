"""Redaction by construction: the one function that turns a line into something safe to print.

A snippet is NOT "the line with the found secret cut out": a line often holds several secrets
and a rule matches only some of them (`CREDS = {"stripe": "sk_live_…", "smtp": "<pw>"}`). So
`redact_line` masks every value-shaped token that is not proven harmless, and separately masks
the spans the detectors found:

- Values are masked: quoted text, what follows `=`, `:`, `:=`, `?=`, `=>`, a credential flag
  (`-p`, `--password`, `--api-key`, ...), a URL's user and password and its query values.
  Form data in a value (`data="user=admin&password=..."`) is one value: a password may itself
  hold `=` and `&`. A value is shown only when it is proven harmless, and every harmless
  shape of 8+ characters uses at most two of lower case, upper case, digits and symbols, so
  no password of a common policy fits one: empty, a boolean/null literal, a number (up to 7
  characters: 5432, 3.12, 30s), an IPv4 address, a reference (`$VAR`, `${VAR}`,
  `%(name)s`, `{{ x }}`), a placeholder (`<token>`, `xxxx`, `****`), an `UPPER_SNAKE` name
  without digits, and unless the key names a credential: a flag name (`--db-pass`), a dotted
  or slashed lowercase name (`os.system`, `actions/checkout@v4`), a lowercase word of up to 6
  letters, a short name (`HS256`, `</h1>`) or any text of up to 3 characters. A call or
  subscript (`os.environ["X"]`, `get_token()`) is code, not a value, and is read as code.
- Everything else is code or prose: identifiers, keys, keywords, punctuation and words stay,
  except token-shaped words (letters mixed with digits, random mixed case, long runs of
  capitals, base64, 24+ character runs, documented provider prefixes such as `ghp_`), which
  are masked wherever they are. Deliberately shown: a plain word in a comment or prose
  (`# password is hunter`), and a passphrase of words in a string bound to a name that is not
  a credential's.
- Lines are cut at 2000 characters before reading (the snippet holds 240): the rest of a
  longer line is never shown.

A masked value shows a short prefix and its length (`redact_value`): enough to recognise a key,
never enough to use it. Every report, the cache, the baseline, `history` and `grade` evidence
print text built here; the same masking run twice gives the same text (markers are kept).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from secretcheck.lazyre import LazyPattern

SNIPPET_LIMIT = 240
# Only this much of a line is read: the snippet is cut at SNIPPET_LIMIT anyway, and a minified
# file's one-megabyte line must not be lexed once per finding.
_WINDOW = 2000
SNIPPET_WINDOW = _WINDOW  # how much of a line `redact_line` reads at most

MARKER = LazyPattern(r"…\[\d+ chars redacted\]")
# A marker with the prefix `redact_value` keeps, starting where a value can start: text that
# is masked again keeps its markers as they are (grade evidence, a finding's own snippet).
_MARKED = LazyPattern(r"(?<![^\s\"'`=:(\[{,;@/])[^\s\"'`…\[\](){},;]{0,4}…\[\d+ chars redacted\]")
_QUOTED = LazyPattern(r"""(\"\"\"|'''|["'`])((?:\\.|(?!\1).)*)(\1)?""", re.DOTALL)
_RUN = LazyPattern(r"[^\s\"'`()\[\]{},;…]+")
_VALUE_RUN = LazyPattern(r"[^\s\"'`…]+")
_OPERATOR = LazyPattern(r"[=:?+!<>|&*/%^~.\-#]+")
_ASSIGN_OPS = frozenset({"=", ":", ":=", "?=", "+=", "=>", "==", "!=", "::="})
# The first assignment inside a word (`KEY=value`, `pass:pw`), not `://`.
_ASSIGN_IN = LazyPattern(r"(:=|\?=|\+=|=>|==|!=|=|:(?!//))")
_CODE = LazyPattern(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*(?=[(\[])")
_URL = LazyPattern(
    r"(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]*://)"
    # The password runs to the last '@': an unencoded '/', '?' or '#' in it is still password.
    r"(?:(?P<user>[^\s/?#@:\"'`]*)(?::(?P<pw>[^\s\"'`]*))?@)?"
    r"(?P<host>[^\s/?#\"'`@]*)(?P<path>[^\s?#\"'`]*)"
    r"(?:\?(?P<query>[^\s#\"'`]*))?(?:#(?P<frag>[^\s\"'`]*))?"
)
_CREDENTIAL = LazyPattern(
    r"(?i)pass|pwd|secret|token|key|auth|cred|salt|private|signature|session|cookie|bearer"
)
_SECRET_FLAG = LazyPattern(r"-[pu]|--?[\w-]*(?:pass|pwd|token|secret|key|auth|cred|user)[\w-]*")
_AUTH_SCHEME = frozenset({"bearer", "basic", "token", "digest"})

# Proven-harmless values.
_LITERALS = frozenset({"true", "false", "yes", "no", "on", "off", "null", "none", "nil", "nan"})
# 5432, 3.12, 30s, 1.5G (at most 7 characters), and an IPv4 address (a network location)
_NUMBER = LazyPattern(r"[+-]?\d{1,6}(?:\.\d{1,4}){0,2}(?:ms|[smhdkKMGT%]|[KMGT]i?B?)?")
_IPV4 = LazyPattern(r"\d{1,3}(?:\.\d{1,3}){3}")
_REFERENCE = LazyPattern(
    r"\$\{?[A-Za-z_]\w*\}?|%\([A-Za-z_]\w*\)[sdr]|%[sdr]|\{\{\s*[\w.\- ]+\s*\}\}|\{\w*\}"
)
_PLACEHOLDER = LazyPattern(r"<[A-Za-z_\- ]{1,40}>|x{3,}|X{3,}|\*{3,}|\.{3}|…")
_ENV_NAME = LazyPattern(r"[A-Z]{2,}(?:_[A-Z]+)+")
_FLAG = LazyPattern(r"--?[a-z]+(?:-[a-z]+)*")
_PLAIN = LazyPattern(r"[a-z]{1,6}")
# HS256, GET, UTF-8 and </h1>: algorithm names, methods, encodings and tags, never 8+ chars
_SHORT_NAME = LazyPattern(r"[A-Z][A-Z0-9\-]{0,5}|</?[a-z][a-z0-9]{0,5}>")
# actions/checkout@v4, docker/build-push-action: lowercase words joined by '/', with a version
# os.system, request.args.get: a dotted lowercase name (no digits, so no password policy fits)
_DOTTED = LazyPattern(r"[a-z_]+(?:\.[a-z_]+)+")
_PATHISH = LazyPattern(r"[a-z][a-z\-_.]*(?:/[a-z][a-z0-9\-_.]*)+(?:@v?\d[\w.]*)?")

# Documented prefixes of provider tokens (GitHub, Stripe, Slack, GitLab, AWS, Google, npm,
# PyPI, Hugging Face, Shopify, Square, SendGrid, DigitalOcean).
_PROVIDER_PREFIX = LazyPattern(
    r"gh[pousr]_|github_pat_|[sr]k_(?:live|test)_|pk_live_|xox[abposr]-|glpat-|A[KS]IA|AIza"
    r"|ya29\.|npm_|pypi-|hf_|shp(?:at|ss|ca)_|sq0[a-z]{3}-|SG\.|do[pro]_v1_"
)
# Shapes of words that are names, not tokens.
_SEPARATORS = LazyPattern(r"[._\-:@/+<>]+")
_NAME_SEGMENT = LazyPattern(r"[A-Za-z]+\d{0,3}|\d{1,6}")
# ... ending in an acronym or a two-letter part (`CherryPy`, `NumPy`: a framework's name in a
# finding's note was redacted as a token).
_CAMEL = LazyPattern(
    r"(?:[A-Z]{2,6}(?=[A-Z][a-z]))?[A-Z]?[a-z]{2,}(?:[A-Z]{1,5}[a-z]{2,}|\d{1,3})*"
    r"(?:[A-Z]{0,5}|[A-Z][a-z])\d{0,3}"
)


def redact_value(value: str) -> str:
    """A short prefix and the length: enough to recognise a key, never enough to use it."""
    shown = min(4, len(value) // 4)
    return f"{value[:shown]}…[{len(value)} chars redacted]"


def token_shaped(word: str) -> bool:
    """Does `word` look like a key or token rather than a name, keyword or number?"""
    if len(word) < 8 or MARKER.search(word):
        return False
    if _PROVIDER_PREFIX.match(word) and len(word) >= 16:
        return True  # whatever follows a documented token prefix is the token
    if len(word) >= 16 and re.search(r"[+/=]", word.strip("=")) and re.search(r"\d", word):
        return True  # base64
    segments = [s for s in _SEPARATORS.split(word) if s]
    for segment in segments:
        if len(segment) >= 24 and (not _CAMEL.fullmatch(segment) or len(segment) >= 32):
            return True  # a 24+ character run with no word breaks
        if len(segment) < 8:
            continue
        digits = any(c.isdigit() for c in segment)
        if digits and not _NAME_SEGMENT.fullmatch(segment):
            return True
        if segment.isupper() and len(segment) >= 12:
            return True  # base32 ids (AKIA...) have no lower case and no separators
        if not segment.islower() and not segment.isupper() and not _CAMEL.fullmatch(segment):
            return True  # random mixed case
        if not re.fullmatch(r"[A-Za-z0-9]+", segment):
            return True  # symbols inside a long run: a password
    return False


def harmless_value(value: str, strict: bool = False) -> bool:
    """Is a value (quoted text, an assigned word) proven safe to print?

    `strict` when its key names a credential: then only literals, references, numbers,
    placeholders and environment variable names are shown.
    """
    if not value or MARKER.fullmatch(value) or _MARKED.fullmatch(value):
        return True
    if value.lower() in _LITERALS or (len(value) <= 7 and _NUMBER.fullmatch(value)):
        return True
    if _IPV4.fullmatch(value):
        return True
    if _REFERENCE.fullmatch(value) or _PLACEHOLDER.fullmatch(value) or _ENV_NAME.fullmatch(value):
        return True
    if strict:
        return False
    return (
        len(value) <= 3
        or bool(_PLAIN.fullmatch(value))
        or bool(_SHORT_NAME.fullmatch(value))
        or bool(_PATHISH.fullmatch(value))
        or bool(_DOTTED.fullmatch(value))
        or (len(value) <= 24 and bool(_FLAG.fullmatch(value)))
    )


def _credential(name: str) -> bool:
    return bool(_CREDENTIAL.search(name)) or name in ("-p", "-u")


class _Lexer:
    """Reads one line (or the text inside a string) and records the ranges to mask."""

    def __init__(self, text: str, offset: int = 0, prose: bool = False) -> None:
        self.text, self.offset, self.prose = text, offset, prose
        self.masked: list[tuple[int, int]] = []
        self.expect: str | None = None  # the key whose value comes next
        self.last_word = ""
        self.subscript = False  # the last `[` followed a name: `os.environ[`

    def mask(self, start: int, end: int) -> None:
        if end > start:
            self.masked.append((self.offset + start, self.offset + end))

    def ranges(self) -> list[tuple[int, int]]:
        text, i = self.text, 0
        while i < len(text):
            char = text[i]
            if char.isspace():
                i += 1
            elif char in "\"'`":
                i = self.quoted(i)
            elif char in "()[]{},;":
                if char == "[":
                    self.subscript = i > 0 and (text[i - 1].isalnum() or text[i - 1] in "_)]")
                self.expect, i = None, i + 1
            elif url := _URL.match(text, i):
                self.url(url)
                i, self.expect = url.end(), None
            elif self.expect is not None:
                i = self.value(i)
            else:
                i = self.word(i)
        return self.masked

    def quoted(self, start: int) -> int:
        m = _QUOTED.match(self.text, start)
        assert m is not None  # a quote character always starts a match
        content, (cs, ce) = m.group(2), m.span(2)
        rest = self.text[m.end() :].lstrip()
        key = self.expect is None and (
            rest.startswith(":") or (self.subscript and rest.startswith("]"))
        )
        if key:
            if token_shaped(content):
                self.mask(cs, ce)
            self.last_word = content
            return m.end()
        strict = _credential(self.expect or "")
        self.expect = None
        if harmless_value(content, strict):
            pass
        elif (url := _URL.fullmatch(content)) is not None:
            self.url(url, cs)
        elif not strict and any(c.isspace() for c in content.strip()):
            inner = _Lexer(content, self.offset + cs, self.prose)
            self.masked.extend(inner.ranges())
        else:
            self.mask(cs, ce)
        if _SECRET_FLAG.fullmatch(content):
            self.expect = content
        return m.end()

    def value(self, start: int) -> int:
        """What follows an assignment or a credential flag: masked unless harmless."""
        key, self.expect = self.expect or "", None
        code = _CODE.match(self.text, start)
        if code is not None:  # a call or subscript: code, read on as such
            for part in re.finditer(r"\w+", code.group()):
                if token_shaped(part.group()):
                    self.mask(start + part.start(), start + part.end())
            return code.end()
        m = _VALUE_RUN.match(self.text, start)
        assert m is not None  # value() is only called on a non-space, non-quote character
        value = m.group().rstrip(",;)]}")
        end = start + len(value)
        if value.lower() in _AUTH_SCHEME:
            self.expect = key or value  # `Authorization: Bearer <token>`
            return end
        if not harmless_value(value, _credential(key)):
            self.mask(start, end)
        return max(end, start + 1)

    def word(self, start: int) -> int:
        m = _RUN.match(self.text, start)
        if m is None:  # a stray character such as a lone '…'
            return start + 1
        word = m.group()
        if _OPERATOR.fullmatch(word):
            if word in _ASSIGN_OPS and not (self.prose and word == ":"):
                self.expect = self.last_word
            return m.end()
        if _SECRET_FLAG.fullmatch(word):
            self.expect = self.last_word = word
            return m.end()
        assign = _ASSIGN_IN.search(word)
        if assign and assign.start() > 0 and not (self.prose and assign.group() == ":"):
            key = word[: assign.start()]
            if token_shaped(key):
                self.mask(start, start + len(key))
            self.expect = self.last_word = key
            return start + assign.end()
        if token_shaped(word):
            self.mask(start, m.end())
        self.last_word = word
        return m.end()

    def url(self, m: re.Match[str], base: int = 0) -> None:
        """Scheme, host and plain path words stay; credentials and token-like parts go."""
        user, pw = m.group("user"), m.group("pw")
        if user and not harmless_value(user):
            self.mask(base + m.start("user"), base + m.end("user"))
        if pw and not harmless_value(pw, strict=True):
            self.mask(base + m.start("pw"), base + m.end("pw"))
        for group in ("host", "path"):
            offset = base + m.start(group)
            for part in re.finditer(r"[^/.:]+", m.group(group) or ""):
                if token_shaped(part.group()) or "=" in part.group():
                    self.mask(offset + part.start(), offset + part.end())
        for group in ("query", "frag"):
            if m.group(group):
                self.query(base + m.start(group), base + m.end(group))

    def query(self, start: int, end: int) -> None:
        """`a=1&password=...`: names stay, values are masked unless harmless."""
        for part in re.finditer(r"[^&;]+", self.text[start:end]):
            name, sep, value = part.group().partition("=")
            first = start + part.start()
            if not sep:
                if token_shaped(name):
                    self.mask(first, first + len(name))
                continue
            if token_shaped(name):
                self.mask(first, first + len(name))
            if not harmless_value(value, _credential(name)):
                self.mask(first + len(name) + 1, first + len(part.group()))


def value_spans(text: str, prose: bool = False) -> list[tuple[int, int]]:
    """The 0-based ranges of `text` that `redact_line` masks even when no detector found them."""
    return list(_lexed_spans(text, prose))


# A finding's line is lexed for its snippet and again for its fingerprint (`context_spans`):
# the second time is a cache hit. Pure, and small: only the lines just lexed are worth keeping.
@lru_cache(maxsize=64)
def _lexed_spans(text: str, prose: bool) -> tuple[tuple[int, int], ...]:
    return tuple(_Lexer(text, prose=prose).ranges())


def context_spans(line: str) -> list[tuple[int, int]]:
    """What a fingerprint must not hash: every value `redact_line` would mask, and the line past
    the window. A fingerprint is printed, and a hash of a line holding a weak password next to
    its shown structure could be reversed by guessing."""
    spans = value_spans(line[:_WINDOW])
    if len(line) > _WINDOW:
        spans.append((max(line.rfind(" ", 0, _WINDOW) + 1, 0), len(line)))
    return spans


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _occurrences(text: str, secrets: Iterable[str]) -> list[tuple[int, int]]:
    found = []
    for secret in {s for s in secrets if len(s) >= 4}:
        at = text.find(secret)
        while at >= 0:
            found.append((at, at + len(secret)))
            at = text.find(secret, at + 1)
    return found


def redact_line(
    line: str,
    spans: Iterable[tuple[int, int]] = (),
    secrets: Iterable[str] = (),
    *,
    prose: bool = False,
) -> str:
    """`line` safe to print: found secrets and every unproven value masked, at most 240 chars.

    `spans` are the 0-based (start, end) ranges a detector found and `secrets` the raw values
    found anywhere in the file (a second copy on this line is masked too); each keeps the
    4-character prefix and the length. `prose` (commit subjects, messages) reads `word: x` as
    text, not as a key and its value.
    """
    text = line.rstrip("\r\n")
    cut = len(text) > _WINDOW
    if cut:
        text = text[:_WINDOW]
    kept = [m.span() for m in _MARKED.finditer(text)]
    lexed = text
    for start, end in kept:  # the lexer sees a placeholder, so context reads the same
        lexed = lexed[:start] + "x" * (end - start) + lexed[end:]
    known = _merged(
        (start, min(end, len(text)))
        for start, end in [*spans, *_occurrences(text, secrets)]
        if start < len(text)
    )
    free = value_spans(lexed, prose)
    if cut:  # the last word may go on past the window: never show a piece of it
        tail = max(text.rfind(" "), text.rfind("\t")) + 1
        free.append((tail, len(text)))
    pieces, last = [], 0
    for start, end in sorted([*known, *_without(free, _merged([*known, *kept]))]):
        start = max(start, last)
        if end <= start:
            continue
        pieces.append(text[last:start])
        pieces.append(redact_value(text[start:end]))
        last = end
    pieces.append(text[last:])
    result = "".join(pieces).strip()
    if cut or len(result) > SNIPPET_LIMIT:
        result = result[: SNIPPET_LIMIT - 1] + "…"
    return result


def _without(
    ranges: Iterable[tuple[int, int]], known: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """`ranges` minus the `known` ones: a found secret keeps its own prefix and length."""
    out = []
    for start, end in _merged(ranges):
        for k_start, k_end in known:
            if k_end <= start or k_start >= end:
                continue
            if k_start > start:
                out.append((start, k_start))
            start = max(start, k_end)
        if end > start:
            out.append((start, end))
    return out


def unknown_value_spans(line: str) -> list[tuple[int, int]]:
    """Where a line that no detector could read may hold a secret (a file that does not parse).

    The break is often on the very line that holds a credential (`password = "s3cr3t`
    unterminated): every quoted text of 4+ characters is masked as a whole, on top of what
    `redact_line` masks anyway.
    """
    return [
        m.span(2)
        for m in _QUOTED.finditer(line)
        if len(m.group(2)) >= 4 and not MARKER.fullmatch(m.group(2))
    ]
