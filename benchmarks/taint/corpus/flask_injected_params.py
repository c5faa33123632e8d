"""Flask passes a view only its URL's variables; a decorator fills any other parameter.

FitTrackee's `@require_auth` calls the view with the signed-in user's row first
(`edit_picture(auth_user)`), so `auth_user` is no route parameter: its origin is the
decorator's, unknown here. The URL's own variables stay attacker text, on every route stacked on
one view.
"""

import os
import shutil
from functools import wraps

from flask import Blueprint, send_file

bp = Blueprint("workouts", __name__)
UPLOADS = "/srv/uploads"


def require_auth(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        return view(current_user(), *args, **kwargs)

    return wrapper


def current_user():
    raise NotImplementedError


@bp.route("/workouts/<workout_id>", methods=["DELETE"])
@require_auth
def delete_workout(auth_user, workout_id):
    # ok: SC205 the decorator's argument, not the URL's
    shutil.rmtree(os.path.join(UPLOADS, auth_user.username))
    # expect: SC205
    return send_file(os.path.join(UPLOADS, workout_id))


@bp.route("/gpx/", defaults={"name": "latest"})
@bp.route("/gpx/<name>")
def gpx(name):
    # expect: SC205
    return send_file(os.path.join(UPLOADS, name))


@bp.route("/tracks/by-name/<track>")
@bp.route("/tracks/<int:track>")
def track(track):
    # expect: SC205 text on one of its routes, whatever the other converts
    return send_file(os.path.join(UPLOADS, str(track)))


@bp.route("/laps/<int:lap>")
@bp.route("/laps/<uuid:lap>")
def lap(lap):
    # ok: SC205 a number or a UUID on every route
    return send_file(os.path.join(UPLOADS, str(lap)))
