"""A key the view looked up first (stalker_pyramid's views, holdout33): once
`Budget.query.filter(Budget.id == budget_id).first()` found a record, or a lookup that raises
when none is found returned, the id equals a key the database already holds, so formatting it
into SQL afterwards injects nothing. A record found by another field (a name the sender may
have stored), or a lookup whose result is never tested, proves nothing."""

from flask import Flask, abort, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import text

app = Flask(__name__)
db = SQLAlchemy(app)


class Budget(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String)


@app.route("/budgets/entries")
def budget_entries():
    budget_id = request.args.get("id", "-1")
    budget = Budget.query.filter(Budget.id == budget_id).first()
    if not budget:
        abort(404)
    # ok: SC201
    return {"rows": db.session.execute(text("select * from entries where budget_id = %s" % budget_id)).all()}


@app.route("/budgets/users")
def budget_users():
    budget_id = request.args["id"]
    budget = Budget.query.filter_by(id=budget_id).first()
    if budget is None:
        return {"error": "no such budget"}, 404
    # ok: SC201
    return {"rows": db.session.execute(text(f"select * from users where budget_id = {budget_id}")).all()}


@app.route("/budgets/get")
def budget_get():
    budget_id = request.args["id"]
    Budget.query.get_or_404(budget_id)
    # ok: SC201
    return {"rows": db.session.execute(text("select * from lines where budget = " + budget_id)).all()}


@app.route("/budgets/session")
def budget_session():
    budget_id = request.args["id"]
    if db.session.get(Budget, budget_id) is None:
        abort(404)
    # ok: SC201
    return {"rows": db.session.execute(text("select * from lines where budget = " + budget_id)).all()}


@app.route("/budgets/by-name")
def budget_by_name():
    name = request.args["name"]
    budget = Budget.query.filter_by(name=name).first()
    if not budget:
        abort(404)
    # expect: SC201
    return {"rows": db.session.execute(text("select * from entries where budget_name = '%s'" % name)).all()}


@app.route("/budgets/untested")
def budget_untested():
    budget_id = request.args["id"]
    budget = Budget.query.filter_by(id=budget_id).first()
    # expect: SC201
    rows = db.session.execute(text("select * from entries where budget_id = %s" % budget_id)).all()
    return {"budget": budget.name if budget else None, "rows": rows}


@app.route("/budgets/other")
def budget_other():
    budget_id = request.args["id"]
    other = request.args["other"]
    budget = Budget.query.filter(Budget.id == budget_id).first()
    if not budget:
        abort(404)
    # expect: SC201
    return {"rows": db.session.execute(text("select * from entries where note = '%s'" % other)).all()}
